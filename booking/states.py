"""The appointment status workflow, as a small state machine (plain Python).

pending ──> confirmed ──> completed
   │            ├──────> no_show
   └────────────┴──────> cancelled
"""

PENDING = "pending"
CONFIRMED = "confirmed"
COMPLETED = "completed"
NO_SHOW = "no_show"
CANCELLED = "cancelled"

ALL = (PENDING, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED)
ACTIVE = (PENDING, CONFIRMED)  # the states that hold the staff member's time
FINAL = (COMPLETED, NO_SHOW, CANCELLED)

TRANSITIONS = {
    PENDING: (CONFIRMED, CANCELLED),
    CONFIRMED: (COMPLETED, NO_SHOW, CANCELLED),
    COMPLETED: (),
    NO_SHOW: (),
    CANCELLED: (),
}


class InvalidTransition(ValueError):
    def __init__(self, current, target):
        super().__init__(f"An appointment cannot go from {current} to {target}.")
        self.current = current
        self.target = target


def allowed(current):
    return TRANSITIONS.get(current, ())


def can_transition(current, target):
    return target in allowed(current)


def transition(current, target):
    """Return the new state or raise InvalidTransition."""
    if target not in allowed(current):
        raise InvalidTransition(current, target)
    return target
