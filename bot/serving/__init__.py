"""How updates and scrapes reach the bot from outside: the webhook server, /healthz, /metrics."""
