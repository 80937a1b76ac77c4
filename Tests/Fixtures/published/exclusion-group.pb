META
key;value
description;Hand-made: projects 1 and 2 are proposals for the same site, at most one of them
country;Poland
unit;Testowo
instance;2026
num_projects;4
num_votes;4
budget;100
vote_type;approval
rule;greedy-exclusive
comment;#1: Projects 1 and 2 are for the same site: at most one of them can be carried out.
PROJECTS
project_id;cost;votes;name;selected
1;50;4;Skwer A;1
2;40;3;Skwer B;0
3;30;2;Ławki;1
4;10;1;Kosz;1
VOTES
voter_id;vote
v1;1,2,3,4
v2;1,2,3
v3;1,2
v4;1
