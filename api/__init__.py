"""Thin adapters over the Assistant service: CLI, HTTP API, web page, Telegram bot."""
