"""Finding a core function by name, so a page can be built before the core module it drives exists.

Reports and sync land in the core in parallel with the app. Their pages name the function they call
(`"desktop.reports:periodic_review"`); when that module or function is not importable in this build, the page
says so instead of failing, and works as soon as the core provides it. Tests pass the function in directly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def resolve(target: str | Callable[..., Any] | None) -> Callable[..., Any] | None:
    """The callable named `module:function` (or the callable itself); None when it is not available."""
    if target is None or callable(target):
        return target
    module_name, _, function_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    function = getattr(module, function_name, None)
    return function if callable(function) else None
