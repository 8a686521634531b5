"""Answer strategies (events, figures, members, guides, passages) and the engine that keeps the best one."""
