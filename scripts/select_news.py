"""Pick politics and diplomacy articles from the real-news corpus for a new gold set.

The corpus (``../shared/data/news/saudinewsnet_dev.jsonl.xz``, CC BY-NC-SA) never enters the
repository; this prints article ids only. The choice is reproducible from the seed: articles of
60-420 words whose text has at least five diplomacy cue words (``--min-cues``), one per outlet in turn, ids
already in ``tests/gold/news/*`` excluded, no two sharing two title words of four letters or more
(one story per topic). ``--exclude FILE`` leaves out more ids, one per line: articles already
read during development (a sample used to check rule changes), so the new set stays blind.

    python scripts/select_news.py --seed 3 --count 24
    python scripts/select_news.py --seed 5 --count 24 --min-cues 4 --exclude seen_ids.txt
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_dev.jsonl.xz"

# Words of the relation types the gold counts (meetings, calls, visits, roles, statements).
CUES = (
    "استقبل",
    "التقى",
    "اجتمع",
    "اتصالا هاتفيا",
    "زيارة",
    "وزير",
    "رئيس",
    "سفير",
    "مباحثات",
    "بحث",
    "قمة",
    "اتفاقية",
    "مذكرة تفاهم",
    "صرح",
    "أكد",
    "الأمين العام",
)


def used_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "tests" / "gold" / "news").glob("*/*.json"):
        ids.add(json.loads(path.read_text(encoding="utf-8"))["document"].removeprefix("news:"))
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--min-cues", type=int, default=5, help="diplomacy cue words an article needs")
    parser.add_argument("--exclude", type=Path, help="a file of article ids to leave out, one per line")
    args = parser.parse_args()
    taken = used_ids()
    if args.exclude:
        taken |= set(args.exclude.read_text(encoding="utf-8").split())
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    with lzma.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            words = len(article["text"].split())
            cues = sum(cue in article["text"] for cue in CUES)
            if article["id"] not in taken and 60 <= words <= 420 and cues >= args.min_cues:
                by_outlet[article["source"]].append(article)
    rng = random.Random(args.seed)
    for articles in by_outlet.values():
        rng.shuffle(articles)
    chosen: list[str] = []
    topics: list[set[str]] = []
    while len(chosen) < args.count and any(by_outlet.values()):
        for outlet in sorted(by_outlet):
            while by_outlet[outlet] and len(chosen) < args.count:
                article = by_outlet[outlet].pop()
                topic = {word for word in article["title"].split() if len(word) > 3}
                if all(len(topic & seen) < 2 for seen in topics):
                    topics.append(topic)
                    chosen.append(article["id"])
                    break
    print("\n".join(chosen))


if __name__ == "__main__":
    main()
