"""The one permission for visitor and business statistics: ops's visitor panel and statistics view,
the shop's orders panel, the booking panel. Use these names, never the spelled-out codename."""

VIEW_STATISTICS_CODENAME = "view_statistics"
VIEW_STATISTICS = f"ops.{VIEW_STATISTICS_CODENAME}"  # for user.has_perm()


def can_view_statistics(user):
    """The one check for visitor and business statistics (dashboard panels, statistics view)."""
    return bool(user and user.is_authenticated and user.has_perm(VIEW_STATISTICS))
