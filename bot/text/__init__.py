"""Pure helpers every layer may use: Telegram HTML and limits, translations, countries."""
