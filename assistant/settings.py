"""All settings in one place, read from the environment (prefix EMS_) and a .env file."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EMS_", env_file=".env", extra="ignore")

    data_dir: Path = Path("./data")
    corpus_dir: Path = Path("./corpus")
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "ems_passages"

    admin_api_key: str | None = None
    chat_rate_limit: int = Field(30, description="chat requests per minute and client")
    max_message_chars: int = 2000
    public_url: str = Field("http://127.0.0.1:8000",
                            description="where users reach the API: base of the bot's calendar links")

    llm_base_url: str | None = None
    llm_model: str = "default"
    llm_api_key: str | None = None
    llm_timeout: float = 20.0

    conversation_turns: int = 10
    conversation_ttl_hours: float = 24.0

    telegram_bot_token: str | None = Field(None, validation_alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_allowed_chats: str = ""
    telegram_rate_limit: int = Field(10, description="bot messages per minute and chat")

    @property
    def allowed_chat_ids(self) -> set[int]:
        return {int(x) for x in self.telegram_allowed_chats.replace(";", ",").split(",") if x.strip()}


@lru_cache
def get_settings() -> Settings:
    return Settings()
