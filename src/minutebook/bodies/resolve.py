"""Finding the body or post a printed name means, creating it on first sight.

Bodies resolve through `BodyAlias` keys, so every spelling of a board lands
on one row; posts through `PostAlias` keys plus the organisation and the
area, so the Commissioner's Chief Finance Officer and the force's are two
seats, and so are two forces' Chief Constables.

`BodyDirectory` and `PostDirectory` read every alias once and answer from
memory, writing what they create straight to the database; an import run
keeps one of each for all its documents. The module functions use a
directory of their own for a single lookup.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from functools import lru_cache

from django.utils.text import slugify

from minutebook.bodies.models import Body, BodyAlias, Post, PostAlias
from minutebook.bodies.names import acronym, body_key, organisation_key, organisations_agree
from minutebook.bodies.posts import ORG_FORCE, ORG_OPCC, STANDARD_POSTS
from minutebook.core.text import fold

_SMALL_WORDS = frozenset({"and", "of", "for", "the", "to", "in", "on", "a"})
#: Words that make a role a seat on the body rather than a post of its own.
_BODY_ROLE_WORDS = frozenset(
    {
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "vice",
        "member",
        "members",
        "councillor",
        "cllr",
        "substitute",
        "observer",
        "coopted",
        "independent",
    }
)
_TEMPORARY_PREFIX = re.compile(r"^\s*(?:t/|temporary\s+|acting\s+|interim\s+)", re.IGNORECASE)
_TRAILING_ORG = re.compile(
    r"\s+(?:for\s+|of\s+|at\s+)?(?:the\s+)?(?P<org>OPCC|Office\s+of\s+(?:the\s+)?(?:Police\s+(?:and|&)\s+Crime\s+"
    r"Commissioner|PCC)|(?:[A-Z][\w-]*\s+)?Constabulary|[A-Z][\w-]*\s+Police)\s*$"
)


def guess_classification(name: str) -> str:
    """A body's classification from its name: the last kind word wins over "board"."""
    key = body_key(name)
    words = set(key.split())
    if "subgroup" in words or "sub group" in key or "working group" in key:
        return Body.Classification.SUB_GROUP
    if "panel" in words:
        return Body.Classification.PANEL
    if "committee" in words:
        return Body.Classification.COMMITTEE
    if "board" in words:
        return Body.Classification.BOARD
    return Body.Classification.OTHER


def display_name(name: str) -> str:
    """A printed name fit for a title: SHOUTED headings become Title Case."""
    name = " ".join(name.split())
    if name.isupper():
        words = name.lower().split(" ")
        name = " ".join(
            w
            if (i and w in _SMALL_WORDS)
            else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
            for i, w in enumerate(words)
        )
    return name


class BodyDirectory:
    """Every body by the keys of its aliases, read in one query on first use.

    Two Commissioners may each have a "Business Co-ordination Board": an alias
    key may name one body per organisation (`Body.organisation_key`, the area).
    The rules, for a mention of a name and perhaps an organisation:

    - with an organisation, it means a body of that organisation
      (`names.organisations_agree`), else one whose organisation is still
      unknown (`resolve` then records the organisation on it); never a body
      of another organisation: `resolve` creates a new one instead;
    - without one, it means the only body of that name; when bodies of several
      organisations share the name, the one whose organisation is unknown, else
      the one this directory (the import run) last resolved, else the first
      recorded. The importer passes the document's organisation when the
      mention itself has none, so this guess is the last resort.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, list[Body]] | None = None
        self._last_seen: dict[int, int] = {}  # body pk -> when this directory last resolved it
        self._clock = itertools.count()

    def _aliases(self) -> dict[str, list[Body]]:
        """Bodies by alias key, at most one per organisation key, first recorded first."""
        if self._by_key is None:
            bodies: dict[int, Body] = {}
            self._by_key = defaultdict(list)
            for alias in BodyAlias.objects.select_related("body").order_by("body_id", "pk"):
                self._by_key[alias.key].append(bodies.setdefault(alias.body_id, alias.body))
        return self._by_key

    def find(self, name: str, organisation: str = "") -> Body | None:
        """The body an alias names, of `organisation` when one is given, or None.

        A leading place may be printed or not: "Cambridgeshire Police and Crime
        Panel" finds the "Police and Crime Panel" and the other way round (when
        only one body ends that way).
        """
        key = body_key(name)
        if not key:
            return None
        org = organisation_key(organisation)
        aliases = self._aliases()
        if aliases.get(key):
            found = self._choose(aliases[key], org)
            if found is not None:
                return found
        words = key.split()
        rest = " ".join(words[1:])
        if len(words) >= 4 and aliases.get(rest):
            found = self._choose(aliases[rest], org)
            if found is not None:
                return found
        if len(words) >= 3:
            suffix = f" {key}"
            ending = {b.pk: b for k, bs in aliases.items() if k.endswith(suffix) for b in bs}
            fitting = _best_fitting(list(ending.values()), org)
            if len(fitting) == 1:
                return fitting[0]
        return None

    def _choose(self, bodies: list[Body], org: str) -> Body | None:
        """The one of the bodies sharing a name that a mention of organisation `org` means."""
        fitting = _best_fitting(bodies, org)
        if len(fitting) <= 1:
            return fitting[0] if fitting else None
        unknown = [b for b in fitting if not b.organisation_key]
        if unknown:
            return unknown[0]
        return max(fitting, key=lambda b: (self._last_seen.get(b.pk, -1), -b.pk))

    def add_alias(self, body: Body, alias: str) -> bool:
        """Record one more way the body is written; False when the key is taken in its
        organisation."""
        key = body_key(alias)
        if not key:
            return False
        holders = self._aliases()[key]
        taken = next((b for b in holders if b.organisation_key == body.organisation_key), None)
        if taken is not None:
            return taken.pk == body.pk
        BodyAlias.objects.create(
            body=body, alias=alias.strip(), key=key, organisation_key=body.organisation_key
        )
        holders.append(body)
        return True

    def resolve(self, name: str, organisation: str = "", *, create: bool = True) -> Body | None:
        """The body `name` means (see the class for the rules); created with its aliases on
        first sight when `create`, which also records `organisation` on a body that had none.

        An organisation without a place ("Office of the Police and Crime
        Commissioner") is no organisation here: it cannot tell two areas apart.
        """
        name = " ".join((name or "").split())
        organisation = " ".join((organisation or "").split())
        if not organisation_key(organisation):
            organisation = ""
        body = self.find(name, organisation)
        if body is not None:
            if create and organisation and not body.organisation_key:
                self.adopt_organisation(body, organisation)
            if body_key(name) != body_key(body.name) and len(body_key(name).split()) > 1:
                self.add_alias(body, name)
            return self._seen(body)
        if not create or not body_key(name):
            return None
        return self._seen(self._create(name, organisation))

    def _create(self, name: str, organisation: str) -> Body:
        """A body first seen, or one first seen only as initials now written out."""
        title = display_name(name)
        short = acronym(title)
        known_by_acronym = self._known_only_as(short, organisation) if short else None
        if known_by_acronym is not None:
            # First seen as "BCB", now written out: the same body, named properly at last.
            known_by_acronym.name = title
            known_by_acronym.classification = guess_classification(title)
            known_by_acronym.save(update_fields=["name", "classification", "updated_at"])
            if organisation and not known_by_acronym.organisation_key:
                self.adopt_organisation(known_by_acronym, organisation)
            self.add_alias(known_by_acronym, title)
            return known_by_acronym
        body = Body.objects.create(
            name=title,
            slug=_unique_slug(title, organisation_key(organisation)),
            classification=guess_classification(title),
            organisation=organisation,
        )
        self.add_alias(body, title)
        if name != title:
            self.add_alias(body, name)
        if short:
            self.add_alias(body, short)
        return body

    def adopt_organisation(self, body: Body, organisation: str) -> None:
        """Record the organisation of a body first seen without one.

        Its aliases move to the organisation's keys; one another body of that
        organisation already answers to is dropped from this body.
        """
        body.organisation = organisation
        body.save(update_fields=["organisation", "updated_at"])
        for key in sync_alias_organisation(body):
            self._aliases()[key].remove(body)

    def _known_only_as(self, short: str, organisation: str) -> Body | None:
        """A body created from an acronym alone ("BCB"), which a full name may now explain."""
        bodies = self._aliases().get(body_key(short)) or []
        named_so = [b for b in bodies if body_key(b.name) == body_key(short)]
        return self._choose(named_so, organisation_key(organisation))

    def _seen(self, body: Body) -> Body:
        """Note the body as the latest resolved: the tie-break of a mention without organisation."""
        self._last_seen[body.pk] = next(self._clock)
        return body


def _best_fitting(bodies: list[Body], org: str) -> list[Body]:
    """The bodies a mention of organisation `org` may mean, the likeliest kind only: of the
    same area exactly, else of an agreeing area, else of an unknown one. Without `org`, all."""
    if not org:
        return bodies
    for fits in (
        lambda b: b.organisation_key == org,
        lambda b: organisations_agree(b.organisation_key, org),
        lambda b: not b.organisation_key,
    ):
        chosen = [b for b in bodies if fits(b)]
        if chosen:
            return chosen
    return []


def sync_alias_organisation(body: Body) -> list[str]:
    """Move the body's aliases to its (changed) organisation key; returns the keys dropped
    because another body of that organisation already answers to them."""
    taken = set(
        BodyAlias.objects.filter(organisation_key=body.organisation_key)
        .exclude(body=body)
        .values_list("key", flat=True)
    )
    mine = BodyAlias.objects.filter(body=body)
    dropped = sorted(set(mine.filter(key__in=taken).values_list("key", flat=True)))
    if dropped:
        mine.filter(key__in=dropped).delete()
    mine.exclude(organisation_key=body.organisation_key).update(
        organisation_key=body.organisation_key
    )
    return dropped


def add_body_alias(body: Body, alias: str) -> bool:
    """Record one more way the body is written; False when the key is taken."""
    return BodyDirectory().add_alias(body, alias)


def resolve_body(name: str, organisation: str = "", *, create: bool = True) -> Body | None:
    """The body `name` means; created with its aliases on first sight when `create`."""
    return BodyDirectory().resolve(name, organisation, create=create)


def _unique_slug(name: str, area: str = "") -> str:
    """A free slug: the name's, else the name and area's ("business-co-ordination-board-marchmoor"),
    else numbered."""
    base = slugify(name)[:240] or "body"
    tries = [base, slugify(f"{name} {area}")[:240]] if area else [base]
    for slug in tries:
        if not Body.objects.filter(slug=slug).exists():
            return slug
    slug, n = f"{tries[-1]}-2", 3
    while Body.objects.filter(slug=slug).exists():
        slug, n = f"{tries[-1]}-{n}", n + 1
    return slug


# Posts ---------------------------------------------------------------------


@lru_cache(maxsize=1024)
def organisation_class(organisation: str) -> str:
    """The organisation part of a post key: the Commissioner's office, the force, or as printed."""
    key = fold(organisation, drop_words=frozenset({"the"}))
    if not key:
        return ""
    if (
        "opcc" in key.split()
        or "office of police and crime commissioner" in key
        or "office of pcc" in key
    ):
        return "opcc"
    if "constabulary" in key or key.endswith("police") or "police force" in key:
        return "force"
    return key


def post_key(title: str, organisation: str = "") -> str:
    return f"{fold(title, drop_words=frozenset({'the'}))}@{organisation_class(organisation)}"


@lru_cache(maxsize=4096)
def role_key(text: str) -> str:
    """The folded form a role is looked up by: "the T/DCC" and "DCC" agree."""
    text = re.sub(r"^\s*the\s+", "", text, flags=re.IGNORECASE)
    return fold(_TEMPORARY_PREFIX.sub("", text), drop_words=frozenset({"the"}))


def split_role(role: str) -> tuple[str, str]:
    """("Chief Constable, Cambridgeshire Constabulary") -> title and organisation.

    An organisation printed without a comma is found too: "Chief Executive
    OPCC", "Director of Finance for OPCC", "Chief Constable Cambridgeshire
    Constabulary", "Head of Policy Office of Police and Crime Commissioner".
    Notes in brackets ("(Observer)") are dropped.
    """
    role = re.sub(r"\([^)]*\)", " ", role)
    role = " ".join(role.split()).strip(" ,;")
    title, _, organisation = role.partition(",")
    title, organisation = title.strip(), organisation.strip()
    if not organisation:
        match = _TRAILING_ORG.search(title)
        if match and match.start() > 0:
            title, organisation = title[: match.start()].strip(), match.group("org").strip()
    return title, organisation


@lru_cache(maxsize=1024)
def is_body_role(role: str) -> bool:
    """True for "Chairperson", "Councillor", "Independent Member": a seat on the body, not a post."""
    words = set(fold(role.replace("-", "")).split())
    return bool(words & _BODY_ROLE_WORDS) and len(words) <= 4


def post_area(organisation: str, body_area: str) -> str:
    """The area of a post printed at a meeting of a body of `body_area`.

    The body's own area, unless the printed organisation names another
    ("Chief Constable, Bedfordshire Police" visiting a Cambridgeshire board).
    Notes in brackets ("(Chair)") are no organisation. Where the body's area
    is unknown, so is the post's: a place printed beside one role cannot tell
    whose the seats of the others are.
    """
    if not body_area:
        return ""
    printed = organisation_key(re.sub(r"\([^)]*\)", " ", organisation or ""))
    if printed and not areas_match(printed, body_area):
        return printed
    return body_area


def areas_match(first: str, second: str) -> bool:
    """Whether two areas may be one: equal (both unknown included), or agreeing names."""
    return first == second or organisations_agree(first, second)


class PostDirectory:
    """Every post and the keys of its aliases, read in two queries on first use."""

    def __init__(self) -> None:
        self._posts: dict[int, Post] | None = None
        self._by_key: dict[tuple[str, str], Post] = {}
        self._by_alias: dict[str, set[int]] = defaultdict(set)
        self._standard: set[str] = set()

    def _load(self) -> dict[int, Post]:
        if self._posts is None:
            self._posts = {post.pk: post for post in Post.objects.order_by()}
            self._by_key = {(post.key, post.area): post for post in self._posts.values()}
            for post_id, key in PostAlias.objects.order_by().values_list("post_id", "key"):
                self._by_alias[key].add(post_id)
        return self._posts

    def ensure_standard(self, area: str = "") -> None:
        """Create the posts of `bodies.posts.STANDARD_POSTS` missing in `area` (once per area)."""
        if area in self._standard:
            return
        self._load()
        for spec in STANDARD_POSTS:
            key = post_key(spec.title, spec.organisation)
            if (key, area) in self._by_key:
                continue
            post = self._create(
                spec.title, spec.organisation, key, area, single_holder=spec.single_holder
            )
            for alias in (spec.title, *spec.aliases):
                self.add_alias(post, alias)
        self._standard.add(area)

    def _create(self, title: str, organisation: str, key: str, area: str, **fields: bool) -> Post:
        posts = self._load()
        post = Post.objects.create(
            title=title, organisation=organisation, key=key, area=area, **fields
        )
        posts[post.pk] = post
        self._by_key[key, area] = post
        return post

    def add_alias(self, post: Post, alias: str) -> None:
        self._load()
        key = role_key(alias)
        if key and post.pk not in self._by_alias[key]:
            PostAlias.objects.create(post=post, key=key, alias=alias.strip())
            self._by_alias[key].add(post.pk)

    def find(self, text: str, organisation: str = "", *, area: str = "") -> list[Post]:
        """The posts of `area` a role mention names ("the Chief Constable", "PCC CFO").

        Posts of no known area stand in when the area has none of that name;
        a mention whose area is not known (`area` "") may mean any area's.
        Several posts share a bare title ("Chief Finance Officer"); the
        organisation, when given, narrows them.
        """
        matches = named = self._named(text)
        if area:
            matches = [p for p in named if areas_match(p.area, area)]
            matches = matches or [p for p in named if not p.area]
        return _narrowed(matches, organisation)

    def find_unplaced(self, text: str, organisation: str = "") -> list[Post]:
        """The posts of no known area a role mention names: seats seen at bodies whose papers
        named no area (yet)."""
        return _narrowed([p for p in self._named(text) if not p.area], organisation)

    def _named(self, text: str) -> list[Post]:
        """The posts of every area with an alias the role mention matches."""
        key = role_key(text)
        if not key:
            return []
        posts = self._load()
        found: set[int] = set()
        for variant in _role_key_variants(key):
            found.update(self._by_alias.get(variant, ()))
        return [posts[pk] for pk in sorted(found)]

    def resolve(
        self, role: str, organisation: str = "", *, area: str = "", create: bool = True
    ) -> Post | None:
        """The post an attendance role names at a meeting of a body of `area`, created on
        first sight when `create`.

        `organisation` is used when the role itself names none; it may place
        the post in another area (`post_area`). Returns None for roles that
        are seats on the body ("Chairperson").
        """
        if not role or is_body_role(role):
            return None
        title, printed_organisation = split_role(role)
        organisation = printed_organisation or organisation
        title = _TEMPORARY_PREFIX.sub("", title).strip()
        if not role_key(title):
            return None
        area = post_area(organisation, area)
        org = organisation_class(organisation)
        for post in self._named(title):
            post_org = organisation_class(post.organisation)
            if areas_match(post.area, area) and (not org or not post_org or post_org == org):
                return post
        if not create:
            return None
        organisation = {"opcc": ORG_OPCC, "force": organisation or ORG_FORCE}.get(org, organisation)
        key = post_key(title, organisation)
        post = self._by_key.get((key, area))
        if post is None:
            post = self._create(title, organisation, key, area)
            self.add_alias(post, title)
            if organisation:
                self.add_alias(post, f"{title}, {organisation}")
        return post


def _narrowed(posts: list[Post], organisation: str) -> list[Post]:
    """Posts sharing a bare title ("Chief Finance Officer"), narrowed to the organisation's."""
    if len(posts) > 1 and organisation:
        org = organisation_class(organisation)
        return [p for p in posts if organisation_class(p.organisation) == org] or posts
    return posts


def ensure_standard_posts(area: str = "") -> None:
    """Create the posts of `bodies.posts.STANDARD_POSTS` missing in `area`."""
    PostDirectory().ensure_standard(area)


def find_posts(text: str, organisation: str = "", *, area: str = "") -> list[Post]:
    """The posts of `area` a role mention names (see `PostDirectory.find`)."""
    return PostDirectory().find(text, organisation, area=area)


def resolve_post(
    role: str, organisation: str = "", *, area: str = "", create: bool = True
) -> Post | None:
    """The post an attendance role names, created on first sight when `create`."""
    return PostDirectory().resolve(role, organisation, area=area, create=create)


#: First words that are part of a title, never a place to drop ("Deputy Chief Constable").
_TITLE_MODIFIERS = frozenset(
    {
        "deputy",
        "assistant",
        "vice",
        "acting",
        "interim",
        "temporary",
        "senior",
        "joint",
        "chief",
        "head",
        "associate",
        "principal",
        "executive",
        "lead",
        "t",
        "director",
        "police",
        "area",
    }
)


def _role_key_variants(key: str) -> list[str]:
    """The key, and the key without a place: "police and crime commissioner for
    cambridgeshire and peterborough" and "cambridgeshire police and crime
    commissioner" both mean the Commissioner (but "deputy police and crime
    commissioner" does not)."""
    variants = [key]
    head, sep, _ = key.partition(" for ")
    if sep and len(head.split()) >= 2:
        variants.append(head)
    words = key.split()
    if len(words) >= 4 and words[0] not in _TITLE_MODIFIERS:
        variants.append(" ".join(words[1:]))
    return variants
