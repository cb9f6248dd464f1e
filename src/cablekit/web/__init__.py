"""The web side of cablekit: the JSON API (``api.py``) served by ``app.py``."""
