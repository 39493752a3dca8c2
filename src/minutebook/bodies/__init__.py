"""Boards, panels, sub-groups and the posts their people hold."""
