"""This machine's IPv4 interfaces, for the teacher to pick the one the phones can reach.

``list_interfaces()`` names each interface (as the operating system does: ``eth0``, ``wlan0``,
``WLAN``, ``以太网``…) with its address, and marks the one that carries the default route — the
usual choice, and the default the game offers. The server listens on that one address only;
``0.0.0.0`` (every interface) is never chosen for the teacher.

psutil reads the interfaces on every operating system. The default route comes from
``/proc/net/route`` on Linux; elsewhere from the source address the system would use for an
outside destination (a UDP socket's ``connect`` only picks a route: it sends nothing).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path

PROC_ROUTE = Path("/proc/net/route")
# Any address outside the LAN picks the default route; TEST-NET-3 (RFC 5737) is never a real host.
ROUTE_PROBE = "203.0.113.1"


@dataclass(frozen=True)
class NetInterface:
    name: str                 # the operating system's name for it
    address: str              # its IPv4 address
    is_default: bool          # carries the default route: the phones on the LAN can most likely reach it
    is_loopback: bool         # 127.x: this machine only (tests, a demo on one PC)

    @property
    def label(self) -> str:
        """``eth0 · 192.168.1.20`` for a settings list."""
        return f"{self.name} · {self.address}"


def list_interfaces() -> list[NetInterface]:
    """Up interfaces with an IPv4 address: the default-route one first, loopback last."""
    import psutil   # loaded when the teacher opens phone voting: importing game.vote stays light

    stats = psutil.net_if_stats()
    default_name = _default_route_interface()
    found: list[tuple[str, str]] = []
    for name, addresses in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        for entry in addresses:
            if entry.family == socket.AF_INET and entry.address:
                found.append((name, entry.address))
    default_address = None if default_name else _default_route_address()
    out = []
    for name, address in found:
        loopback = ipaddress.IPv4Address(address).is_loopback
        is_default = not loopback and (name == default_name or address == default_address)
        out.append(NetInterface(name, address, is_default, loopback))
    out.sort(key=lambda i: (not i.is_default, i.is_loopback, i.name, i.address))
    return out


def default_interface(interfaces: list[NetInterface] | None = None) -> NetInterface | None:
    """The interface to offer first: the default route's; None when the machine has no LAN."""
    interfaces = list_interfaces() if interfaces is None else interfaces
    for interface in interfaces:
        if interface.is_default:
            return interface
    others = [i for i in interfaces if not i.is_loopback]
    return others[0] if len(others) == 1 else None


def _default_route_interface(route_file: Path = PROC_ROUTE) -> str | None:
    """Linux: the interface of the default route with the lowest metric."""
    try:
        lines = route_file.read_text().splitlines()[1:]
    except OSError:
        return None
    best: tuple[int, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 8:
            continue
        name, destination, flags, metric, mask = fields[0], fields[1], fields[3], fields[6], fields[7]
        try:
            up = int(flags, 16) & 0x1
            if destination != "00000000" or mask != "00000000" or not up:
                continue
            candidate = (int(metric), name)
        except ValueError:
            continue
        if best is None or candidate < best:
            best = candidate
    return best[1] if best else None


def _default_route_address() -> str | None:
    """Other systems: the source address of the default route (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((ROUTE_PROBE, 9))
            return probe.getsockname()[0]
    except OSError:
        return None
