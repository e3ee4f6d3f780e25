"""A message of the core as the UI needs it: what it says, and how it was made.

The core speaks Chinese (the command line, logs and printed reports show its messages as they
are), and the desktop app also speaks English. A `Text` is the Chinese — it is a `str`, so
everything that prints, compares or stores a message goes on as before — that also keeps its
key and its values: the key is the catalogue's template, the Chinese with numbered places
(`"第 {0} 条诉求：{1}"`), and the values fill them in order. The UI translates the key (it is the
source text of the translation, as Qt's `tr()` keys are) and fills in the values, translating
those that are texts of the core in turn; it never reads a finished message back.

    raise ValidationError(Text("第 {0} 条诉求：类型无效", n), field="demands")

A message without values may stay a plain literal: it is its own key. A value that is a tuple
of texts is a list (管理员、督办), each item translated. A key not in the catalogue (a line of
parts, `Text("{0} · {1}", a, b)`) is its own template.
"""

from __future__ import annotations

from typing import Any

LIST_SEPARATOR = "、"
"""How a value that is a tuple of texts (a list: 管理员、督办) is shown in Chinese."""


class Text(str):
    key: str
    values: tuple[Any, ...]

    def __new__(cls, key: str, *values: Any) -> Text:
        shown = [LIST_SEPARATOR.join(v) if isinstance(v, tuple) else v for v in values]
        self = super().__new__(cls, key.format(*shown) if values else key)
        self.key = key
        self.values = values
        return self

    def __getnewargs__(self) -> tuple[Any, ...]:
        return (self.key, *self.values)


def parts(message: object) -> tuple[str, tuple[Any, ...]]:
    """The key and values of a message: a `Text`'s own, a plain string's is itself with none;
    an exception's are its message's."""
    if isinstance(message, BaseException):
        message = message.args[0] if len(message.args) == 1 else str(message)
    if isinstance(message, Text):
        return message.key, message.values
    return str(message), ()
