"""The interface list the teacher picks from, and which one is offered first."""

import ipaddress

from game.vote import net
from game.vote.net import NetInterface, default_interface, list_interfaces

ROUTE_HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"


def test_loopback_is_listed_by_name_and_last():
    interfaces = list_interfaces()
    loopback = [i for i in interfaces if i.address == "127.0.0.1"]
    assert loopback and loopback[0].is_loopback and loopback[0].name
    assert interfaces[-1].is_loopback


def test_every_listed_address_is_ipv4_and_loopback_is_never_the_default():
    for interface in list_interfaces():
        assert isinstance(ipaddress.ip_address(interface.address), ipaddress.IPv4Address)
        assert not (interface.is_loopback and interface.is_default)


def test_the_default_route_interface_comes_first(monkeypatch):
    monkeypatch.setattr(net, "_default_route_interface", lambda: "lo")   # no LAN: nothing is default
    assert not any(i.is_default for i in list_interfaces())
    names = {i.name for i in list_interfaces() if not i.is_loopback}
    if names:
        chosen = sorted(names)[-1]
        monkeypatch.setattr(net, "_default_route_interface", lambda: chosen)
        assert list_interfaces()[0].name == chosen and list_interfaces()[0].is_default


def test_the_default_route_is_read_from_proc_with_the_lowest_metric(tmp_path):
    routes = tmp_path / "route"
    routes.write_text(ROUTE_HEADER
                      + "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
                      + "eth0\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
                      + "eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n")
    assert net._default_route_interface(routes) == "eth0"


def test_a_route_that_is_down_is_not_the_default(tmp_path):
    routes = tmp_path / "route"
    routes.write_text(ROUTE_HEADER + "eth0\t00000000\t0101A8C0\t0002\t0\t0\t100\t00000000\t0\t0\t0\n")
    assert net._default_route_interface(routes) is None


def test_no_route_file_means_no_default_from_it(tmp_path):
    assert net._default_route_interface(tmp_path / "missing") is None


def test_the_default_is_none_without_a_lan():
    only_loopback = [NetInterface("lo", "127.0.0.1", False, True)]
    assert default_interface(only_loopback) is None


def test_a_single_lan_interface_is_offered_even_without_a_default_route():
    wifi = NetInterface("WLAN", "192.168.3.7", False, False)
    assert default_interface([wifi, NetInterface("lo", "127.0.0.1", False, True)]) == wifi


def test_two_lan_interfaces_without_a_default_route_leave_the_choice_to_the_teacher():
    a, b = NetInterface("eth0", "10.0.0.5", False, False), NetInterface("wlan0", "192.168.3.7", False, False)
    assert default_interface([a, b]) is None


def test_the_marked_default_wins():
    a, b = NetInterface("eth0", "10.0.0.5", False, False), NetInterface("wlan0", "192.168.3.7", True, False)
    assert default_interface([a, b]) == b
    assert b.label == "wlan0 · 192.168.3.7"
