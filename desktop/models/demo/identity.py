"""Fictitious but well-formed Chinese names, mobile numbers and resident ID numbers.

ID numbers follow GB 11643 (region, birth date, sequence with the sex in its
parity, ISO 7064 MOD 11-2 check digit) so validators and masking code see
the real shape. Mobile numbers are unique within one build.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


@dataclass(frozen=True)
class Identity:
    name: str
    male: bool
    born: dt.date
    phone: str
    id_number: str

    def age(self, today: dt.date) -> int:
        years = today.year - self.born.year
        return years - ((today.month, today.day) < (self.born.month, self.born.day))


@dataclass
class IdentityMaker:
    names: dict[str, Any]
    rnd: random.Random
    _phones: set[str] = field(default_factory=set)
    _ids: set[str] = field(default_factory=set)

    def name(self, male: bool) -> str:
        surnames = self.names["surnames"]
        surname: str = self.rnd.choices([s for s, _ in surnames], [w for _, w in surnames])[0]
        pool = self.names["given_male" if male else "given_female"]
        given = "".join(self.rnd.choice(pool) for _ in range(self.rnd.choice((1, 2, 2, 2))))
        return surname + given

    def phone(self) -> str:
        while True:
            prefix: str = self.rnd.choice(self.names["phone_prefixes"])
            number = f"{prefix}{self.rnd.randrange(10**8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def id_number(self, born: dt.date, male: bool) -> str:
        while True:
            sequence = self.rnd.randrange(500) * 2 + (1 if male else 0)
            first17 = f"{self.rnd.choice(self.names['id_regions'])}{born:%Y%m%d}{sequence:03d}"
            number = first17 + id_check_digit(first17)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def person(
        self,
        today: dt.date,
        ages: tuple[int, int],
        male: bool | None = None,
        taken: set[str] | None = None,
    ) -> Identity:
        """A new identity; ``taken`` keeps names unique within one street."""
        is_male = self.rnd.random() < 0.5 if male is None else male
        name = self.name(is_male)
        while taken is not None and name in taken:
            name = self.name(is_male)
        if taken is not None:
            taken.add(name)
        born = today - dt.timedelta(days=self.rnd.randint(ages[0] * 365 + 10, ages[1] * 365 + 300))
        return Identity(name, is_male, born, self.phone(), self.id_number(born, is_male))
