"""Conversations: per-conversation memory, follow-up resolution, the log of unanswered questions."""
