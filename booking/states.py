"""The appointment status workflow, as a small state machine (plain Python).

pending ──> confirmed ──> arrived ──> completed
   │            ├──────> no_show
   └────────────┴──────> cancelled

"arrived" is set by the QR check-in at the desk (operations.check_in); it still holds
the staff member's time, so it is ACTIVE. Online changes are possible only while CHANGEABLE.
"""

PENDING = "pending"
CONFIRMED = "confirmed"
ARRIVED = "arrived"
COMPLETED = "completed"
NO_SHOW = "no_show"
CANCELLED = "cancelled"

ALL = (PENDING, CONFIRMED, ARRIVED, COMPLETED, NO_SHOW, CANCELLED)
ACTIVE = (PENDING, CONFIRMED, ARRIVED)  # the states that hold the staff member's time
CHANGEABLE = (PENDING, CONFIRMED)  # the customer may still cancel or reschedule online
FINAL = (COMPLETED, NO_SHOW, CANCELLED)

TRANSITIONS = {
    PENDING: (CONFIRMED, CANCELLED),
    CONFIRMED: (ARRIVED, COMPLETED, NO_SHOW, CANCELLED),
    ARRIVED: (COMPLETED,),
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
