"""The notification outbox (DESIGN §4): `enqueue` writes a message in the caller's
transaction; the delivery worker sends due messages with retries and scrubs their secrets."""

from .delivery import deliver_due
from .worker import delivery_worker
from .writer import Attachment, enqueue

__all__ = ["Attachment", "deliver_due", "delivery_worker", "enqueue"]
