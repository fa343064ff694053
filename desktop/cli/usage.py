"""argparse's own usage errors in the user's language.

argparse words its errors in English ("the following arguments are required: --purpose"), which the Vietnamese
command line printed as they were. Each of its sentences is matched here by its shape and said again through the
catalogue, keeping the option names and values it quotes; one this table does not know stays as argparse wrote it.
"""

from __future__ import annotations

import re

from desktop import i18n

i18n.register({f"cli.usage.{key}": {"vi": vi, "en": en} for key, (vi, en) in {
    "required": ("thiếu tham số bắt buộc: {args}", "a required argument is missing: {args}"),
    "unrecognized": ("không hiểu các tham số: {args}", "arguments not understood: {args}"),
    "one_of": ("cần một trong các tham số: {args}", "one of these arguments is needed: {args}"),
    "choice": ("tham số {name}: '{value}' không phải một lựa chọn; chọn một trong: {choices}",
               "argument {name}: '{value}' is not one of the choices: {choices}"),
    "one_value": ("tham số {name} cần một giá trị", "argument {name} needs a value"),
    "values": ("tham số {name} cần ít nhất một giá trị", "argument {name} needs at least one value"),
    "not_with": ("tham số {name} không dùng cùng {other}", "argument {name} cannot go with {other}"),
    "bad_value": ("tham số {name}: giá trị {value} không đúng", "argument {name}: {value} is not a valid value"),
    "ambiguous": ("tùy chọn {option} không rõ: có thể là {matches}",
                  "option {option} is ambiguous: it may be {matches}"),
    "argument": ("tham số {name}: {message}", "argument {name}: {message}"),
}.items()})

# argparse's sentences (Python 3.11–3.13), most specific first.
_SHAPES = [
    (re.compile(r"the following arguments are required: (?P<args>.+)"), "required"),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), "unrecognized"),
    (re.compile(r"one of the arguments (?P<args>.+) is required"), "one_of"),
    (re.compile(r"argument (?P<name>\S+): invalid choice: '?(?P<value>.*?)'? \(choose from (?P<choices>.+)\)"),
     "choice"),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "one_value"),
    (re.compile(r"argument (?P<name>\S+): expected at least one argument"), "values"),
    (re.compile(r"argument (?P<name>\S+): not allowed with argument (?P<other>\S+)"), "not_with"),
    (re.compile(r"argument (?P<name>\S+): invalid \w+ value: (?P<value>.+)"), "bad_value"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "ambiguous"),
    (re.compile(r"argument (?P<name>\S+): (?P<message>.+)"), "argument"),  # a message of the project's own
]


def in_words(message: str) -> str:
    """argparse's `message` in the current language (as it is when its shape is not known)."""
    for shape, key in _SHAPES:
        found = shape.fullmatch(message)
        if found:
            parts = {name: value.replace("'", "") if name in ("value", "choices") else value  # argparse's repr()
                     for name, value in found.groupdict().items()}
            return i18n.tr(f"cli.usage.{key}", **parts)
    return message
