"""Phone voting for classrooms where phones are allowed (universities, exhibitions, staff training).

While a lesson runs, the game serves one small web page on the local network. Students scan
the QR code on the projector (or type the address and the 4-digit room code), and each phone
then votes once per question; the projector reads the live split at any moment. No internet,
no CDN, nothing personal stored: a phone is a random token in a cookie, a ballot is a letter.
Nothing here imports pygame; aiohttp is loaded only when a server starts.

API for the classroom screens::

    from game.vote import VoteServer, list_interfaces, default_interface

    choices = list_interfaces()                 # [NetInterface(name, address, is_default, is_loopback)]
    chosen = default_interface(choices)         # the default route's interface; None without a LAN
    server = VoteServer(chosen.address, port=0, locale="zh_Hans")   # never 0.0.0.0 unless asked
    server.start()                              # VoteServerError with a reason if it cannot listen
    # or server.start(wait=False), then watch server.status: starting/listening/failed (+ server.error)

    server.join_url      # "http://192.168.1.20:41234/?c=4831": the QR code's content
    server.url           # the same without the code, to print under the QR code for typing
    server.room_code     # "4831", shown big on the projector
    server.qr_matrix()   # ((True, False, …), …) dark modules, no quiet zone; or
    server.qr_png(scale=8)                      # PNG bytes; or game.ui.qr.qr_surface(server.join_url, px)

    server.open_question("scene-3", ["挂断电话", "按对方说的转账", "打 96110 核实"], prompt="你会怎么做？",
                         seconds=None)          # letters A, B, C in this order; 2–8 options
    snap = server.snapshot()    # VoteSnapshot: question_id, counts {"A": 12, "B": 3, "C": 20}, voters,
                                # devices_joined, devices_online, open, seconds_left, version; .shares
    counts = server.close_question()            # final {"A": 12, "B": 3, "C": 21}
    server.results("scene-3")                   # the same, any time later in the lesson
    server.stop()                               # at the end of the lesson; results stay readable

Rules the game can rely on:

* ``snapshot()`` is a copy made under a lock held for microseconds; no call the game makes
  waits on the network (``start()`` waits for the socket to bind unless ``wait=False``).
* A device votes once per question: a second ballot is refused (HTTP 409, the phone shows
  the first). Opening a question closes the previous one; question ids are unique per lesson.
* A timed question (``seconds=``) stops taking ballots at its deadline by itself;
  ``snapshot().open`` turns False then, and ``close_question()`` still gives the final counts.
* Phones never see the split, only their own ballot: the projector is where the class sees it.
* Safety: listens only between ``start()`` and ``stop()``, on the one address given; serves
  only its page and three JSON endpoints (``game/vote/app.py`` lists them and every refusal);
  bodies over 512 bytes, malformed or extra JSON, wrong codes, unknown or closed questions get
  a 4xx; each device is rate-limited; no access log (no addresses kept).
"""

from .book import LETTERS, VoteSnapshot
from .net import NetInterface, default_interface, list_interfaces
from .server import VoteServer, VoteServerError

__all__ = ["LETTERS", "NetInterface", "VoteServer", "VoteServerError", "VoteSnapshot", "default_interface",
           "list_interfaces"]
