"""Members' agenda: Telegram subscriptions, digests and reminders, the iCalendar feed."""
