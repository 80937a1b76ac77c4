#!/usr/bin/env python3
"""Writes the sample elections in ballots/ (deterministic: the same files every run).

Project ids are unique across the four files, so they can be imported as pools of one edition.
The samples are invented but shaped like real Polish pools: a sołectwo village fund, a district
pool with a ballot-length limit, a cumulative pool and an ordinal (ranked) pool.
"""
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ballots"


def write(name, meta, projects, columns, votes, vote_columns):
    lines = ["META", "key;value"] + [f"{k};{v}" for k, v in meta.items()]
    lines += ["PROJECTS", ";".join(columns)] + [";".join(str(p[c]) for c in columns) for p in projects]
    lines += ["VOTES", ";".join(vote_columns)] + [";".join(str(v[c]) for c in vote_columns) for v in votes]
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def base_meta(description, unit, subunit, budget, vote_type, rule, n_projects, n_votes, **extra):
    meta = {
        "description": description, "country": "Poland", "unit": unit, "subunit": subunit,
        "instance": "2027", "num_projects": n_projects, "num_votes": n_votes, "budget": budget,
        "vote_type": vote_type, "rule": rule, "date_begin": "01.09.2027", "date_end": "15.09.2027",
    }
    meta.update(extra)
    meta.update({"language": "pl", "currency": "PLN"})
    return meta


def approval_votes(rng, projects, n, popularity, max_length=None):
    votes = []
    for voter in range(1, n + 1):
        chosen = [p["project_id"] for p, w in zip(projects, popularity) if rng.random() < w]
        if max_length:
            rng.shuffle(chosen)
            chosen = chosen[:max_length]
        if not chosen:
            chosen = [rng.choices(projects, weights=popularity)[0]["project_id"]]
        votes.append({"voter_id": voter, "vote": ",".join(chosen), "age": rng.randint(16, 85),
                      "voting_method": rng.choice(["internet", "internet", "paper"])})
    return votes


def village_fund(rng):
    names = ["Remont świetlicy wiejskiej", "Plac zabaw przy szkole", "Oświetlenie ulicy Polnej",
             "Doposażenie OSP Wólka", "Festyn sołecki i dożynki", "Nasadzenia drzew przy stawie"]
    costs = [18000, 14500, 9800, 7200, 3500, 2400.5]
    projects = [{"project_id": f"W{i + 1}", "cost": c, "name": n, "category": cat}
                for i, (n, c, cat) in enumerate(zip(names, costs, ["culture", "sport", "public space",
                                                                       "safety", "culture", "environment"]))]
    votes = approval_votes(rng, projects, 96, [0.55, 0.5, 0.42, 0.3, 0.33, 0.2])
    meta = base_meta("Fundusz sołecki Wólka 2027", "Gmina Przykładowo", "Sołectwo Wólka", 30000,
                     "approval", "greedy", 6, len(votes), min_length=1)
    write("solectwo_wolka_2027.pb", meta, projects, ["project_id", "cost", "name", "category"], votes,
          ["voter_id", "vote", "age", "voting_method"])


def district_pool(rng):
    themes = ["Chodnik na ulicy", "Ławki i kosze na osiedlu", "Siłownia plenerowa w parku",
              "Zajęcia dla seniorów w bibliotece", "Stojaki rowerowe przy", "Łąka kwietna przy",
              "Monitoring skrzyżowania", "Koncerty w amfiteatrze", "Remont boiska przy szkole nr",
              "Budki lęgowe w parku"]
    streets = ["Lipowej", "Klonowej", "Słonecznej", "Ogrodowej", "Kościuszki", "Szkolnej"]
    projects = []
    for i in range(20):
        name = f"{themes[i % len(themes)]} {streets[i % len(streets)]}" if i % 3 else f"{themes[i % len(themes)]} {i + 1}"
        cost = rng.choice([25000, 48000, 60000, 95000, 120000, 150000, 210000, 300000]) + rng.randint(0, 99) * 100
        projects.append({"project_id": f"D{i + 1:02d}", "cost": cost, "name": name,
                         "category": rng.choice(["public space", "sport", "education", "environment", "culture"])})
    popularity = [rng.uniform(0.08, 0.45) for _ in projects]
    votes = approval_votes(rng, projects, 1200, popularity, max_length=5)
    meta = base_meta("Budżet obywatelski Przykładowo 2027, dzielnica Śródmieście", "Przykładowo",
                     "Śródmieście", 1000000, "approval", "greedy", 20, len(votes), min_length=1, max_length=5)
    write("dzielnica_srodmiescie_2027.pb", meta, projects, ["project_id", "cost", "name", "category"], votes,
          ["voter_id", "vote", "age", "voting_method"])


def cumulative_pool(rng):
    names = ["Zielone podwórka", "Rowerowa pętla", "Kino letnie", "Kąpielisko miejskie",
             "Warsztaty kulinarne", "Sad społeczny", "Mural na wiadukcie", "Toaleta w parku"]
    projects = [{"project_id": f"Z{i + 1}", "cost": c, "name": n}
                for i, (n, c) in enumerate(zip(names, [80000, 150000, 30000, 240000, 12000, 45000, 60000, 90000]))]
    votes = []
    for voter in range(1, 401):
        k = rng.randint(1, 4)
        chosen = rng.sample(projects, k)
        points = [1] * k
        for _ in range(10 - k):
            points[rng.randrange(k)] += 1
        votes.append({"voter_id": voter, "vote": ",".join(p["project_id"] for p in chosen),
                      "points": ",".join(map(str, points)), "voting_method": "internet"})
    meta = base_meta("Zielony budżet Przykładowo 2027 (głosowanie punktowe)", "Przykładowo", "Zielony budżet",
                     400000, "cumulative", "greedy", 8, len(votes), min_length=1, max_length=4,
                     min_points=1, max_sum_points=10, min_sum_points=10)
    write("zielony_budzet_punkty_2027.pb", meta, projects, ["project_id", "cost", "name"], votes,
          ["voter_id", "vote", "points", "voting_method"])


def ordinal_pool(rng):
    names = ["Skatepark", "Biblioteka pod chmurką", "Ścieżka edukacyjna", "Wybieg dla psów",
             "Fontanna na rynku", "Tężnia solankowa", "Przystanek rowerowy", "Scena plenerowa", "Ogród sensoryczny"]
    projects = [{"project_id": f"R{i + 1}", "cost": c, "name": n}
                for i, (n, c) in enumerate(zip(names, [350000, 80000, 120000, 60000, 500000, 280000, 40000, 150000, 95000]))]
    weights = [3, 2, 2.5, 1.5, 1, 2.2, 1.2, 1.8, 2.8]
    votes = []
    for voter in range(1, 701):
        ranking = []
        pool = list(range(len(projects)))
        for _ in range(3):
            pick = rng.choices(pool, weights=[weights[i] for i in pool])[0]
            pool.remove(pick)
            ranking.append(projects[pick]["project_id"])
        votes.append({"voter_id": voter, "vote": ",".join(ranking), "voting_method": "internet"})
    meta = base_meta("Budżet obywatelski Przykładowo 2027, pula ogólnomiejska (ranking)", "Przykładowo",
                     "Ogólnomiejska", 800000, "ordinal", "greedy", 9, len(votes), min_length=3, max_length=3)
    write("ogolnomiejska_ranking_2027.pb", meta, projects, ["project_id", "cost", "name"], votes,
          ["voter_id", "vote", "voting_method"])


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    rng = random.Random(2027)
    village_fund(rng)
    district_pool(rng)
    cumulative_pool(rng)
    ordinal_pool(rng)
