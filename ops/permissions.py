VIEW_STATISTICS = "ops.view_statistics"


def can_view_statistics(user):
    """The one check for visitor and business statistics (dashboard panels, statistics view)."""
    return bool(user and user.is_authenticated and user.has_perm(VIEW_STATISTICS))
