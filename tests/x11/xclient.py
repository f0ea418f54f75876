"""What a window manager and a camera do, in a few Xlib calls (ctypes, libX11 only).

* ``close_window`` sends the WM_DELETE_WINDOW message a window manager sends when the
  close button in the title bar is pressed (xdotool's ``windowclose`` destroys the window
  instead, which is a different thing: see ``x11_guard``);
* ``start_xvfb`` starts a virtual X server;
* ``screenshot`` saves what the X server shows in a window (or the whole screen) as PNG.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
from pathlib import Path

def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen, str]:
    """An Xvfb server of its own (``-displayfd``: it picks a free display number): (process, ":N")."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                               "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    return server, f":{number}"


_x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")

Window = ctypes.c_ulong
Atom = ctypes.c_ulong


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", Window), ("message_type", Atom),
                ("format", ctypes.c_int), ("l", ctypes.c_long * 5)]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_char)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                ("bits_per_pixel", ctypes.c_int)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("pad", ctypes.c_long * 20)]


_x.XOpenDisplay.restype = ctypes.c_void_p
_x.XOpenDisplay.argtypes = [ctypes.c_char_p]
_x.XCloseDisplay.argtypes = [ctypes.c_void_p]
_x.XInternAtom.restype = Atom
_x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
_x.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
_x.XFlush.argtypes = [ctypes.c_void_p]
_x.XDefaultRootWindow.restype = Window
_x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
_x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(XWindowAttributes)]
_x.XGetImage.restype = ctypes.POINTER(XImage)
_x.XGetImage.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                         ctypes.c_ulong, ctypes.c_int]
_x.XFree.argtypes = [ctypes.c_void_p]

CLIENT_MESSAGE = 33
Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFF


# Xlib's default error handler ends the process on any X error (a BadMatch from XGetImage on a
# window being resized): this one only keeps the last error code, and the call reports it.
class XErrorEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("display", ctypes.c_void_p), ("resourceid", ctypes.c_ulong),
                ("serial", ctypes.c_ulong), ("error_code", ctypes.c_ubyte), ("request_code", ctypes.c_ubyte),
                ("minor_code", ctypes.c_ubyte)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(XErrorEvent))
_last_error = [0]


@_ERROR_HANDLER
def _on_error(_display, event) -> int:
    _last_error[0] = event.contents.error_code or 1
    return 0


_x.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
_x.XSetErrorHandler(_on_error)


class _Display:
    def __init__(self, name: str):
        self.ptr = _x.XOpenDisplay(name.encode())
        if not self.ptr:
            raise OSError(f"cannot open X display {name}")

    def __enter__(self):
        return self.ptr

    def __exit__(self, *exc):
        _x.XCloseDisplay(self.ptr)


def close_window(display: str, window: int) -> None:
    """What the title bar's close button does: ask the program to close its window."""
    with _Display(display) as d:
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = _x.XInternAtom(d, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.l[0] = _x.XInternAtom(d, b"WM_DELETE_WINDOW", 0)
        event.xclient.l[1] = 0   # CurrentTime
        _x.XSendEvent(d, window, 0, 0, ctypes.byref(event))
        _x.XFlush(d)


def screenshot(display: str, path: Path, window: int | None = None) -> Path:
    """The pixels the X server holds for ``window`` (default: the whole screen), as a PNG."""
    import pygame

    with _Display(display) as d:
        target = window or _x.XDefaultRootWindow(d)
        attrs = XWindowAttributes()
        _x.XGetWindowAttributes(d, target, ctypes.byref(attrs))
        _last_error[0] = 0
        image = _x.XGetImage(d, target, 0, 0, attrs.width, attrs.height, ALL_PLANES, Z_PIXMAP)
        if not image:
            raise OSError(f"XGetImage failed (X error {_last_error[0]}): the window is changing or off screen")
        try:
            img = image.contents
            if img.bits_per_pixel != 32 or img.bytes_per_line != 4 * img.width:
                raise OSError(f"unexpected image layout ({img.bits_per_pixel} bits, {img.bytes_per_line} bytes a row)")
            raw = ctypes.string_at(img.data, img.bytes_per_line * img.height)
            rgb = bytearray(img.width * img.height * 3)   # X gives B, G, R, unused
            rgb[0::3], rgb[1::3], rgb[2::3] = raw[2::4], raw[1::4], raw[0::4]
            path.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(pygame.image.frombuffer(bytes(rgb), (img.width, img.height), "RGB"), str(path))
        finally:
            _x.XFree(ctypes.cast(img.data, ctypes.c_void_p))
            _x.XFree(ctypes.cast(image, ctypes.c_void_p))
    return path
