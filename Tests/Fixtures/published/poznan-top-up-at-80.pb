META
key;value
description;Hand-made: Poznań's rule, the budget left is exactly 80% of the next project's cost
country;Poland
unit;Poznań
instance;2026
num_projects;4
num_votes;5
budget;1000000
vote_type;approval
rule;greedy-custom
comment;#1: This special greedy rule works as follows: At the beginning, we sort projects based on the number of votes. Then, we fund projects that received the highest number of votes until the next project on the list does not fit within the budget. Finally, if the remaining budget is enough to fund at least 80% of that project, we fund it as well with the external reserve funds. We mark such project with number 2 in the selected column. #2: Sometimes, additional funds are allocated to a district. These funds are used to finance the highest-voted projects that have not yet been selected. We mark such projects with number 3 in the selected column.
PROJECTS
project_id;cost;votes;name;selected
A;600000;5;Park;1
B;500000;4;Plac zabaw;2
C;100000;3;Ławki;3
D;50000;1;Kwietnik;0
VOTES
voter_id;vote
v1;A,B,C,D
v2;A,B,C
v3;A,B,C
v4;A,B
v5;A
