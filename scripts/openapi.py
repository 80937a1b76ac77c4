"""Writes Sources/WiecServer/Resources/openapi.json, the OpenAPI 3.1 document of the Wiec API.

Edit the paths and schemas here, run `python3 scripts/openapi.py` from the repository root, and
commit both files; WiecServerTests check real responses against the document.
"""
import json
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def s(t, **kw): d={"type": t}; d.update(kw); return d
def obj(props, required=None, extra=False):
    return {"type":"object","properties":props,"required":required if required is not None else list(props.keys()),"additionalProperties":extra}
string=s("string"); integer=s("integer"); boolean=s("boolean")
def nullable(x):
    x=dict(x); t=x.get("type"); x["type"]=[t,"null"]; return x
# The server's own limits (Sources/WiecCore/Bounds.swift, Sources/WiecServer/TextRules.swift,
# Sources/WiecServer/Amount.swift): every request the document allows passes these checks.
MAX_UNITS=99999999999            # whole złoty: Bounds.maxAmount is 10^13 - 1 grosze
MAX_POINTS=10**9                 # Bounds.maxPoints
MAX_COUNT=10**9                  # Bounds.maxCount
MAX_SCORE=10**15                 # Bounds.maxScore
INT64_MAX=2**63-1
amount={"type":"string","pattern":"^-?(0|[1-9][0-9]{0,10})([.,][0-9]{1,2})?$","description":"An exact amount in złoty, as a decimal string: at most 11 digits of złoty and 2 of grosze (at most 99 999 999 999,99 zł, below 10^13 grosze)."}
def amount_in(minimum):
    """A request amount: a decimal string or an integer of whole złoty, from `minimum` (0 or 1 grosz) up."""
    text = "^(0|[1-9][0-9]{0,10})([.,][0-9]{1,2})?$" if minimum == 0 else "^(0[.,](0[1-9]|[1-9][0-9]?)|[1-9][0-9]{0,10}([.,][0-9]{1,2})?)$"
    return {"oneOf":[{"type":"string","pattern":text},{"type":"integer","minimum":minimum,"maximum":MAX_UNITS}],
            "description":"An exact amount in złoty: a decimal string (\"1234.50\" or \"1234,50\", no leading zero, at most 2 decimals) or an integer of whole złoty; "
            + ("0" if minimum == 0 else "more than 0") + " to 99 999 999 999,99 zł. Larger or malformed amounts are refused with 400."}
def bounded(lo, hi, description=None):
    d={"type":"integer","minimum":lo,"maximum":hi}
    if description: d["description"]=description
    return d
# Texts: lengths count Unicode scalars (JSON Schema's characters). Refused everywhere: C0 and C1
# controls, DEL, U+2028/2029, the BOM and the bidirectional marks, embeddings, overrides and
# isolates. A line needs a character besides spaces; a paragraph also takes tabs and line breaks.
REFUSED="\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFEFF"
REFUSED_IN_PARAGRAPH="\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFEFF"
SPACES=" \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000"
def line(maximum=200):
    return {"type":"string","minLength":1,"maxLength":maximum,"pattern":f"^[{SPACES}]*[^{SPACES}{REFUSED}][^{REFUSED}]*$",
            "description":f"One line of at most {maximum} characters (Unicode scalars), not only spaces, without control or bidirectional-formatting characters; stored without the spaces around it."}
def paragraph(required=False, maximum=10000):
    pattern = f"^[{SPACES}\\t\\n\\r]*[^{SPACES}\\t\\n\\r{REFUSED_IN_PARAGRAPH}][^{REFUSED_IN_PARAGRAPH}]*$" if required else f"^[^{REFUSED_IN_PARAGRAPH}]*$"
    d={"type":"string","maxLength":maximum,"pattern":pattern,
       "description":f"Text of at most {maximum} characters (Unicode scalars); line breaks and tabs allowed, other control and bidirectional-formatting characters not" + ("; not empty." if required else ".")}
    if required: d["minLength"]=1
    return d
new_id={"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$","description":"An id the client chooses: a letter or digit, then letters, digits, '-', '_' or '.', at most 64. Ids the server makes (when none is given) hold a '~' and cannot be chosen."}
proposal_reference={"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$","description":"A proposal's id: one a client chose, or one the server made (with a '~')."}
reference={"type":"string","minLength":1,"maxLength":200,"description":"The id of something that exists; an unknown one is refused with 422."}
pesel={"type":"string","pattern":"^[0-9]{2}(0[1-9]|1[0-2]|2[1-9]|3[0-2]|4[1-9]|5[0-2]|6[1-9]|7[0-2]|8[1-9]|9[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{5}$",
  "description":"Eleven digits encoding a birth date (month +80 for the 1800s, +20 for the 2000s, +40, +60); refused with 422 invalid_pesel when the check digit does not match, the day does not exist, or the birth date is after the day of registration. Never echoed."}
points_item=bounded(0,MAX_POINTS,"Points given to the project at the same place in projects.")
def request(props, required=None):
    """A request body: optional fields may also be sent as null, meaning absent."""
    required = required if required is not None else list(props.keys())
    return obj({k:(v if k in required else {"anyOf":[v,{"type":"null"}]}) for k,v in props.items()}, required)
schemas={
 "Problem": obj({"type":string,"title":string,"title_pl":string,"status":integer,"detail":string,"code":string,"instance":string,"request_id":string},
                ["type","title","title_pl","status","detail","code"]),
 "Receipt": obj({"first_sequence":integer,"sequence":integer,"entry_hash":s("string",pattern="^[0-9a-f]{64}$"),
   "leaf_hash":s("string",pattern="^[0-9a-f]{64}$",description="RFC 6962 leaf hash of the entry (ballots)"),
   "proof":s("string",description="where the inclusion proof against a signed checkpoint is"),
   "checkpoint":s("string",description="where the latest signed checkpoint is")},["first_sequence","sequence","entry_hash","proof","checkpoint"]),
 "Pool": obj({"id":string,"name":string,"budget":amount,"vote_type":ref("VoteType"),
   "rule":s("string",description="A pabulib rule name (greedy, greedy-no-skip, greedy-threshold, greedy-exclusive, equalshares, ...), or greedy-no-skip --top-up 80% for Poznań's top-up"),"tie_breaking":string,"min_project_score_threshold":integer,"support_list_size":integer,"allows_revoting":boolean,
   "min_length":integer,"max_length":integer,"min_sum_cost":amount,"max_sum_cost":amount,"min_points":integer,"max_points":integer,
   "min_sum_points":integer,"max_sum_points":integer,
   "ballot_order":s("string",enum=["list","random"],description="The order of the projects on each voter's ballot: as listed, or random per voter from ballot_order_seed"),
   "ballot_order_seed":s("string",description="The seed of the random order: a project's place for a voter is SplitMix64(FNV-1a-64(seed, 0, resident id, 0, project id)), ascending (see BallotOrder)"),
   "exclusion_groups":s("array",description="Proposals that cannot all be carried out (e.g. three proposals for the same site): greedy rules fund at most at_most of each group and pass over the others",
     items=obj({"projects":s("array",items=string,minItems=2),"at_most":s("integer",minimum=1)})),
   "ballots":integer},["id","name","budget","vote_type","rule"]),
 "VoteType": s("string",enum=["approval","choose-1","cumulative","ordinal","scoring"]),
 "AmendmentPolicy": s("string",enum=["refuse","review_again"],description="What a change of a proposal whose review has begun does: refuse (409 review_started, the default) or review_again (the reviews done so far are set aside, shown in the proposal's amendments, and it is reviewed again)"),
 "Edition": obj({"id":string,"name":string,"kind":s("string",enum=["civic_budget","village_fund"],description="A civic budget, or a village fund (its record at /api/v1/village-funds/{fund})"),"phase":ref("Phase"),"pools":s("array",items=ref("Pool")),"proposals":integer,"residents":integer,"voters":integer,"amendment_policy":ref("AmendmentPolicy"),
   "timetable":s("object",additionalProperties=ref("Day"),description="The day each phase is planned to begin (YYYY-MM-DD), by phase; empty until a timetable is announced"),
   "minimum_voter_age":s("integer",minimum=0,maximum=150,description="The youngest age, in whole years on the day of registration (Europe/Warsaw), at which a person may register; absent when there is no limit")},
   ["id","name","kind","phase","pools","proposals","residents","voters","amendment_policy","timetable"]),
 "Phase": s("string",enum=["draft","submission","review","appeals","voting","closed","published"]),
 "Review": obj({"stage":ref("Stage"),"outcome":ref("Outcome"),"justification":string,"reviewed_cost":amount,"reviewer":string},["stage","outcome","justification","reviewer"]),
 "Stage": s("string",enum=["formal","merit","cost"]),
 "Outcome": s("string",enum=["positive","negative"]),
 "Appeal": obj({"id":string,"proposal":string,"stage":ref("Stage"),"grounds":string,"upheld":boolean,"justification":string,"reviewed_cost":amount},["id","proposal","stage","grounds"]),
 "Proposal": obj({"id":string,"edition":string,"pool":string,"title":string,"description":string,"category":string,"location":string,
   "cost_estimate":amount,"reviewed_cost":amount,"initiative":string,"supporters":integer,"status":s("string",enum=["pending","admitted","rejected","withdrawn"]),
   "reviews":s("array",items=ref("Review")),"appeals":s("array",items=ref("Appeal")),"withdrawal":string,
   "amendments":s("array",items=ref("Amendment"),description="The submitter's changes in order")},
   ["id","edition","pool","title","description","cost_estimate","supporters","status","reviews","appeals","amendments"]),
 "Amendment": obj({"title":string,"description":string,"cost_estimate":amount,"set_aside_reviews":s("array",items=ref("Review"),description="The reviews this change set aside under review_again")},["set_aside_reviews"]),
 "ProposalChanged": obj({"receipt":ref("Receipt"),"resource":ref("Proposal")}),
 "AppealChanged": obj({"receipt":ref("Receipt"),"resource":ref("Appeal")}),
 "Created": obj({"id":string,"receipt":ref("Receipt")}),
 "PhaseChanged": obj({"edition":string,"phase":ref("Phase"),"receipt":ref("Receipt"),"checkpoint":string},["edition","phase","receipt"]),
 "Registered": obj({"edition":string,"resident_id":s("string",description="The id under which the resident's public acts (proposals, support, appeals) appear; their ballots carry a separate voting pseudonym that is never shown"),"token":string,"receipt":ref("Receipt")}),
 "Cast": obj({"ballot":string,"pool":string,"receipt":ref("Receipt")}),
 "PaperCast": obj({"ballots":s("array",items=string),"receipt":ref("Receipt")}),
 "ProjectResult": obj({"id":string,"title":string,"cost":amount,"score":integer,"selected":boolean}),
 "PoolResult": obj({"pool":string,"name":string,"rule":string,"tie_breaking":string,"budget":amount,"selected":s("array",items=string),
   "spent":amount,"left":amount,"projects":s("array",items=ref("ProjectResult")),"explanation":s("array",items=string)}),
 "Results": obj({"edition":string,"pools":s("array",items=ref("PoolResult"))}),
 "InclusionReceipt": obj({"entry":string,"sequence":integer,"treeSize":integer,"proof":s("array",items=string),"checkpoint":string}),
 "Consistency": obj({"from":integer,"to":integer,"proof":s("array",items=string)}),
 "Health": obj({"status":s("string",enum=["ok"]),"entries":integer}),
 # requests
 "NewEdition": request({"id":new_id,"name":line(),"minimum_voter_age":bounded(0,150,"Sets the minimum voter age in the same transaction as the creation"),"amendment_policy":ref("AmendmentPolicy")},["id","name"]),
 "AmendmentPolicyChange": obj({"policy":ref("AmendmentPolicy")}),
 "TimetableChange": request({phase:s("string",format="date",pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$",description=f"The day {phase} begins, YYYY-MM-DD, a day the calendar has")
   for phase in ["submission","review","appeals","voting","closed","published"]}, []) | {"description":"The days the phases are planned to begin; a phase left out is not dated. Each dated phase begins after the one before it, and each is a day the calendar has (422 invalid_value otherwise)."},
 "VoterAgeLimit": obj({"minimum_age":nullable(bounded(0,150,"The youngest age, in whole years on the day of registration (Europe/Warsaw), at which a person may register; null for no limit"))}),
 "NewPool": request({"id":new_id,"name":line(),"budget":amount_in(1),"vote_type":ref("VoteType"),
   "rule":{"anyOf":[s("string",enum=["greedy","greedy-no-skip","greedy-threshold","equalshares","equalshares/add1","phragmen","greedy-custom","greedy-exclusive","unknown"]),
                    s("string",pattern="^greedy-no-skip --top-up (100|[1-9][0-9]?(\\.[0-9]{1,2})?)%$")],
            "description":"The tally rule as pabulib names it, or greedy-no-skip with a top-up (greedy-no-skip --top-up 80%: Poznań's rule, the first project that does not fit is funded when the budget left is at least 80% of its cost); greedy-custom and unknown record past editions and cannot be published, nor can greedy-exclusive without exclusion_groups"},
   "tie_breaking":{"type":"string","maxLength":80,"pattern":f"^(file-order|cost|lexicographic|cost-votes-lottery:[^{SPACES}{REFUSED}][^{REFUSED}]*)$"},
   "min_project_score_threshold":bounded(0,MAX_SCORE),"support_list_size":bounded(0,MAX_COUNT),"allows_revoting":boolean,
   "min_length":bounded(0,MAX_COUNT),"max_length":bounded(1,MAX_COUNT),"min_sum_cost":amount_in(0),"max_sum_cost":amount_in(0),
   "min_points":bounded(0,MAX_POINTS),"max_points":bounded(0,MAX_POINTS),"min_sum_points":bounded(0,MAX_POINTS),"max_sum_points":bounded(0,MAX_POINTS),
   "ballot_order":s("string",enum=["list","random"],description="The order of the projects on each voter's ballot: list (the default, as admitted) or random (different for every voter, drawn from ballot_order_seed; 422 invalid_value for a seed with list)"),
   "ballot_order_seed":s("string",pattern="^[A-Za-z0-9-]{1,64}$",description="The seed of the random order, e.g. one drawn in public; when absent with random, the server draws 128 bits and records them"),
   "exclusion_groups":s("array",maxItems=40,description="Proposals that cannot all be carried out (e.g. three proposals for the same site); each group names at least two different proposals and allows 1 to one fewer than it names (422 invalid_value otherwise)",
     items=request({"projects":s("array",minItems=2,maxItems=20,uniqueItems=True,items=proposal_reference),"at_most":bounded(1,MAX_COUNT)},["projects","at_most"]))},
   ["id","name","budget","vote_type","rule"]) | {"description":"A pool; each minimum must not exceed its maximum (422 invalid_value otherwise)."},
 "PhaseChange": obj({"to":ref("Phase")}),
 "NewWorkshop": request({"id":new_id,"theme":line(),"date":s("string",format="date",pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$",description="YYYY-MM-DD, a day the calendar has"),
   "place":line(),"facilitator":line(),"participants":bounded(0,MAX_COUNT)},["theme","date","place","facilitator","participants"]),
 "NewInitiative": request({"id":new_id,"workshop":reference,"title":line(),"description":paragraph()},["title","description"]),
 "NewProposal": request({"id":new_id,"pool":reference,"title":line(),"description":paragraph(),"category":line(80),"location":line(),"cost_estimate":amount_in(1),"initiative":reference},["pool","title","description","cost_estimate"]),
 "ProposalChange": request({"title":line(),"description":paragraph(),"cost_estimate":amount_in(1)},[]),
 "Signature": request({"signer":new_id},[]),
 "NewReview": request({"stage":ref("Stage"),"outcome":ref("Outcome"),"justification":paragraph(True),"reviewed_cost":amount_in(1)},["stage","outcome","justification"]),
 "NewAppeal": request({"id":new_id,"stage":ref("Stage"),"grounds":paragraph(True)},["stage","grounds"]),
 "Decision": request({"upheld":boolean,"justification":paragraph(True),"reviewed_cost":amount_in(1)},["upheld","justification"]),
 "Registration": request({"name":line(),"pesel":pesel,"contact":line()},["name","pesel"]),
 "NewBallot": request({"id":new_id,"pool":reference,"projects":s("array",items=reference),"points":s("array",items=points_item)},["pool","projects"]),
 "PaperBatch": request({"ballots":s("array",minItems=1,maxItems=1000,items=request({"id":new_id,"resident":dict(new_id,description="The resident id the voter registered with"),"pool":reference,"projects":s("array",items=reference),"points":s("array",items=points_item)},["resident","pool","projects"])),
   "point":dict(reference,description="The voting point the cards come from: its batch record (the ballots and the invalid cards) is appended with them, all or nothing"),
   "invalid_cards":bounded(0,10_000_000,"Cards found invalid at the point, counted in its batch record (with point only; without it 422 invalid_value)")},["ballots"]),
 "NewVotingPoint": request({"id":new_id,"name":line(),"address":line()},["id","name"]),
 "NewPaperProtocol": obj({"cards_received":bounded(0,10_000_000,"Cards the point received"),"cards_issued":bounded(0,10_000_000,"Cards handed to voters: at most those received, and at least the valid and invalid cards entered (else 422 invalid_value)")}),
 "VotingPoint": obj({"id":string,"name":string,"address":string,"paper_ballots":integer,"invalid_cards":integer,
   "protocol":obj({"cards_received":integer,"cards_issued":integer,"valid":integer,"invalid":integer,"official":string})},["id","name","address","paper_ballots","invalid_cards"]),
 "VotingPointChanged": obj({"point":ref("VotingPoint"),"receipt":ref("Receipt")}),
 # village fund (fundusz sołecki): an edition kind of its own
 "Day": s("string",format="date",pattern="^([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-[0-9]{2}-[0-9]{2}$",description="A day of the calendar, YYYY-MM-DD, from 0001-01-01"),
 "Votes": obj({"for":s("integer",minimum=0),"against":s("integer",minimum=0),"abstaining":s("integer",minimum=0)}),
 "FundApplicationStatus": s("string",enum=["submitted","accepted","rejected","referred","accepted_by_council","rejected_by_council","replaced"]),
 "VillageFund": obj({"id":string,"name":string,"budget_year":integer,"rounding":s("string",enum=["grosz","zloty"]),"minimum_initiators":integer,
   "deadlines":obj({"resolution":ref("Day"),"announcement":ref("Day"),"application":ref("Day"),"rejection_days":integer,"response_days":integer,"council_days":integer}),
   "resolution":obj({"number":string,"adopted_on":ref("Day"),"consents":boolean}),
   "announcement":obj({"revenue":amount,"residents":integer,"base_amount":amount,"cap":amount,"announced_on":ref("Day"),"late":boolean}),
   "solectwa":s("array",items=obj({"solectwo":string,"residents":integer,"formula_amount":amount,"addition":amount,"addition_basis":string,"available":amount,
      "status":s("string",enum=["no_application","submitted","accepted","rejected","referred","accepted_by_council","rejected_by_council","replaced"]),
      "application":string,"next_deadline":ref("Day")},["solectwo","residents","formula_amount","addition","available","status"])),
   "assemblies":s("array",items=obj({"id":string,"solectwo":string,"convener":s("string",enum=["soltys","rada_solecka","residents"]),"initiators":integer,
      "held_on":ref("Day"),"attendance":integer,"projects":s("array",items=obj({"id":string,"title":string,"cost_estimate":amount,"justification":string,"votes":ref("Votes"),"adopted":boolean}))},
      ["id","solectwo","convener","held_on","attendance","projects"])),
   "applications":s("array",items=obj({"id":string,"solectwo":string,"assembly":string,"projects":s("array",items=string),"cost":amount,"submitted_on":ref("Day"),
      "replaces":string,"status":ref("FundApplicationStatus"),"decided_on":ref("Day"),"reasons":string,"council_resolution":string,
      "spent":amount,
      "execution":s("array",description="What was carried out of each project that has a record",items=obj({"project":string,"spent":amount,"completed_on":ref("Day"),
         "records":s("array",items=obj({"on":ref("Day"),"spent":amount,"completed":boolean,"note":string}))},["project","spent","records"]))},
      ["id","solectwo","assembly","projects","cost","submitted_on","status","spent","execution"]))},
   ["id","name","budget_year","rounding","minimum_initiators","deadlines","solectwa","assemblies","applications"]),
 "VillageFundChanged": obj({"receipt":ref("Receipt"),"resource":ref("VillageFund")}),
 "NewVillageFund": request({"id":new_id,"name":line(),"budget_year":s("integer",minimum=2015,maximum=9999,description="The Act of 21 February 2014 applies from 2015"),"rounding":s("string",enum=["grosz","zloty"],description="F rounded half up to the grosz (default) or to the whole złoty")},["id","name","budget_year"]),
 "NewFundResolution": obj({"number":line(),"adopted_on":ref("Day"),"consents":boolean}),
 "NewFundAmounts": obj({"revenue":amount_in(0),"residents":integer,"solectwa":s("array",maxItems=1000,items=request({"solectwo":line(),"residents":s("integer",minimum=0),"addition":amount_in(0),"addition_basis":line()},["solectwo","residents"])),"announced_on":ref("Day")}),
 "NewAssembly": {"oneOf":[request({"id":new_id,"solectwo":line(),"convener":s("string",enum=["soltys","rada_solecka"]),
   "held_on":ref("Day"),"attendance":integer,"projects":s("array",maxItems=100,items=ref("AssemblyProject"))},["id","solectwo","convener","held_on","attendance","projects"]),
   request({"id":new_id,"solectwo":line(),"convener":s("string",enum=["residents"]),"initiators":s("integer",description="How many adult residents called it (at least the fund's minimum_initiators)"),
   "held_on":ref("Day"),"attendance":integer,"projects":s("array",maxItems=100,items=ref("AssemblyProject"))},["id","solectwo","convener","initiators","held_on","attendance","projects"])],
   "description":"Called by the sołtys or the rada sołecka, or by residents (then with initiators)"},
 "AssemblyProject": obj({"id":new_id,"title":line(),"cost_estimate":amount_in(0),"justification":paragraph(True),"votes":ref("Votes")}),
 "NewFundApplication": request({"id":new_id,"solectwo":line(),"assembly":new_id,"projects":s("array",maxItems=100,items=string),"submitted_on":ref("Day"),"replaces":string},["id","solectwo","assembly","projects","submitted_on"]),
 "FundDecision": {"oneOf":[obj({"accepted":s("boolean",enum=[True]),"reasons":{"type":["string","null"],"description":"Not read when accepting"},"decided_on":ref("Day")},["accepted","decided_on"]),
   obj({"accepted":s("boolean",enum=[False]),"reasons":paragraph(True) | {"description":"Required when rejecting"},"decided_on":ref("Day")},["accepted","reasons","decided_on"])]},
 "FundReferral": obj({"referred_on":ref("Day")}),
 "CouncilDecision": obj({"resolution":line(),"accepted":boolean,"reasons":paragraph(True),"decided_on":ref("Day")}),
 "FundExecution": obj({"project":new_id,"on":ref("Day"),"spent":amount_in(0) | {"description":"Paid from the fund since the previous record, in złoty"},"completed":boolean,"note":paragraph(True)}),
 # local initiative (inicjatywa lokalna)
 "Contribution": obj({"work_hours":s("integer",minimum=0),"goods_and_services":amount_in(0),"money":amount_in(0)}),
 "Criterion": obj({"id":new_id,"name":line(),"weight":s("integer",minimum=1),"max_points":s("integer",minimum=1),"measures_contribution":boolean}),
 "LocalInitiatives": obj({"edition":string,
   "rules":obj({"resolution":string,"adopted_on":ref("Day"),"criteria":s("array",items=ref("Criterion")),"tie_break":s("string",enum=["contribution-then-submission","submission"])}),
   "ranking":s("array",items=obj({"position":integer,"id":string,"title":string,"organisation":string,"initiative":string,
      "total":s("string",description="The weighted sum exactly: n or n/d"),"total_decimal":string,"contribution_total":string,"fully_scored":boolean,
      "tie_broken_by":s("string",enum=["contribution","submission"]),"scores":integer,"approved":boolean,"contribution_offered":ref("Contribution"),
      "requested_from_gmina":amount,
      "agreement":obj({"number":string,"signed_on":ref("Day"),"ends_on":ref("Day"),"gmina_share":amount,"contribution":ref("Contribution")}),
      "contribution_given":ref("Contribution"),"completed":boolean},
      ["position","id","title","total","total_decimal","contribution_total","fully_scored","scores","contribution_offered","requested_from_gmina","contribution_given","completed"]))},
   ["edition","ranking"]),
 "LocalInitiativesChanged": obj({"receipt":ref("Receipt"),"resource":ref("LocalInitiatives")}),
 "NewCriteria": obj({"resolution":line(),"adopted_on":ref("Day"),"criteria":s("array",maxItems=50,items=ref("Criterion")),"tie_break":s("string",enum=["contribution-then-submission","submission"])}),
 "NewLocalApplication": request({"id":new_id,"organisation":line() | {"description":"The organisation applying; absent when residents apply directly"},"title":line(),"description":paragraph(),
   "initiative":s("string",description="The resident initiative (e.g. from a workshop) it grew out of"),"contribution":ref("Contribution"),"requested_from_gmina":amount_in(0),"submitted_on":ref("Day")},
   ["id","title","description","contribution","requested_from_gmina","submitted_on"]),
 "NewScore": obj({"criterion":reference,"points":integer,"justification":paragraph(True)}),
 "LocalDecision": obj({"approved":boolean,"justification":paragraph(True),"decided_on":ref("Day")}),
 "NewAgreement": obj({"number":line(),"signed_on":ref("Day"),"ends_on":ref("Day"),"gmina_share":amount_in(0),"contribution":ref("Contribution")}),
 "NewProgress": obj({"on":ref("Day"),"note":paragraph(True),"contribution_given":ref("Contribution"),"completed":boolean}),
}
P=lambda code: {"$ref": f"#/components/responses/{code}"}
def js(name, desc="OK"): return {"description":desc,"content":{"application/json":{"schema":ref(name)}}}
def op(summary, ok, okcode="200", body=None, errors=(), auth=True, params=(), idem=False, tags=()):
    o={"summary":summary,"responses":{okcode: ok}}
    for e in errors: o["responses"][e]=P(e)
    o["responses"]["default"]=P("default")
    if body: o["requestBody"]={"required":body!="Signature","content":{"application/json":{"schema":ref(body)}}}
    ps=[{"$ref":f"#/components/parameters/{p}"} for p in params]
    if idem: ps.append({"$ref":"#/components/parameters/IdempotencyKey"})
    if ps: o["parameters"]=ps
    o["security"]=[{"bearer":[]}] if auth else []
    return o
W=("400","401","403","404","409","413","422")
paths={
 "/healthz":{"get":op("Liveness, with the number of log entries",js("Health"),auth=False)},
 "/metrics":{"get":op("Prometheus metrics",{"description":"OK","content":{"text/plain":{"schema":string}}},auth=False)},
 "/openapi.json":{"get":op("This document",{"description":"OK","content":{"application/json":{"schema":s("object")}}},auth=False)},
 "/api/v1/editions":{
   "post":op("Create an edition (admin, scope *)",js("Edition","Created"),"201","NewEdition",W,idem=True),
   "get":op("List editions",{"description":"OK","content":{"application/json":{"schema":s("array",items=ref("Edition"))}}},auth=False)},
 "/api/v1/editions/{edition}":{"get":op("An edition with its pools",js("Edition"),errors=("404",),auth=False,params=("edition",))},
 "/api/v1/editions/{edition}/pools":{"post":op("Add a pool (admin, draft)",js("Pool","Created"),"201","NewPool",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/phase":{"post":op("Move to the next phase (admin); writes a checkpoint",js("PhaseChanged"),"200","PhaseChange",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/voter-age-limit":{"post":op("Set or remove the minimum voter age (admin, scope *, draft or submission); registrations made before keep their place",js("Edition"),"200","VoterAgeLimit",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/timetable":{"post":op("Announce the days the phases are planned to begin (admin, scope *, draft to voting); replaces the timetable announced before",js("Edition"),"200","TimetableChange",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/amendment-policy":{"post":op("Set what a change of a proposal whose review has begun does (admin, scope *, draft or submission)",js("Edition"),"200","AmendmentPolicyChange",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/workshops":{"post":op("Record a workshop (admin)",js("Created","Created"),"201","NewWorkshop",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/initiatives":{"post":op("Submit an initiative (resident)",js("Created","Created"),"201","NewInitiative",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/proposals":{
   "post":op("Submit a proposal (resident, submission), possibly from an initiative",js("ProposalChanged","Created"),"201","NewProposal",W,params=("edition",),idem=True),
   "get":op("Proposals, filtered by pool, category, status",{"description":"OK","content":{"application/json":{"schema":s("array",items=ref("Proposal"))}}},errors=("404",),auth=False,params=("edition","pool","category","status"))},
 "/api/v1/editions/{edition}/proposals/{id}":{
   "get":op("A proposal with its review history",js("Proposal"),errors=("404",),auth=False,params=("edition","id")),
   "patch":op("Amend one's own proposal (submitter, submission or review); once a stage is reviewed, the edition's amendment_policy refuses the change (409 review_started) or sends the proposal back to review",js("ProposalChanged"),"200","ProposalChange",W,params=("edition","id"),idem=True)},
 "/api/v1/editions/{edition}/proposals/{id}/support":{"post":op("Sign the support list",js("ProposalChanged","Created"),"201","Signature",W,params=("edition","id"),idem=True)},
 "/api/v1/editions/{edition}/proposals/{id}/reviews":{"post":op("Review a stage (reviewer in scope, review)",js("ProposalChanged","Created"),"201","NewReview",W,params=("edition","id"),idem=True)},
 "/api/v1/editions/{edition}/proposals/{id}/appeals":{"post":op("Appeal a negative stage (submitter, appeals)",js("AppealChanged","Created"),"201","NewAppeal",W,params=("edition","id"),idem=True)},
 "/api/v1/editions/{edition}/appeals/{id}/decision":{"post":op("Decide an appeal (admin, appeals)",js("AppealChanged"),"200","Decision",W,params=("edition","id"),idem=True)},
 "/api/v1/editions/{edition}/voters":{"post":op("Register as a resident (a voter); returns the resident id and a resident token (the PESEL is never echoed). 422 too_young when the PESEL's age on the day of registration (Europe/Warsaw) is below the edition's minimum_voter_age",js("Registered","Created"),"201","Registration",W+("429",),auth=False,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/ballots":{"post":op("Cast an online ballot (resident, voting)",js("Cast","Created"),"201","NewBallot",W+("429",),params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/paper-ballots":{"post":op("Enter paper ballots in bulk, all or nothing (admin); with point, as a batch of that voting point (422 unknown_voting_point, already_decided once its protocol is recorded)",js("PaperCast","Created"),"201","PaperBatch",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/voting-points":{
   "post":op("Add a voting point (punkt do głosowania) for paper ballots (admin), before voting closes",js("VotingPointChanged","Created"),"201","NewVotingPoint",W,params=("edition",),idem=True),
   "get":op("The voting points with the paper ballots and invalid cards entered from each, and its protocol once recorded",{"description":"OK","content":{"application/json":{"schema":s("array",items=ref("VotingPoint"))}}},errors=("404",),auth=False,params=("edition",))},
 "/api/v1/editions/{edition}/voting-points/{point}/protocol":{"post":op("Close a voting point with its protocol (admin): cards received and issued; valid and invalid are counted from what was entered",js("VotingPointChanged","Created"),"201","NewPaperProtocol",W,params=("edition","point"),idem=True)},
 "/api/v1/editions/{edition}/results":{"get":op("Published results",js("Results"),errors=("404","409"),auth=False,params=("edition",))},
 "/api/v1/editions/{edition}/results.csv":{"get":op("Published results as CSV",{"description":"OK","content":{"text/csv":{"schema":string}}},errors=("404","409"),auth=False,params=("edition",))},
 "/api/v1/editions/{edition}/pools/{pool}/pabulib":{"get":op("A pool's published election as a pabulib .pb file",{"description":"OK","content":{"text/plain":{"schema":string}}},errors=("404","409"),auth=False,params=("edition","pool"))},
 "/api/v1/editions/{edition}/bundle":{"get":op("The audit bundle as a tar archive: entries.jsonl, checkpoints/*.note, key.vkey, results.json, pools/*.pb (the folder wiec export writes; check it with wiec verify)",{"description":"OK","content":{"application/x-tar":{"schema":s("string",contentMediaType="application/x-tar")}}},errors=("404",),auth=False,params=("edition",))},
 "/api/v1/village-funds":{"post":op("Open a village fund edition for a budget year with the Act's dated rules (admin, scope *)",js("VillageFundChanged","Created"),"201","NewVillageFund",W,idem=True)},
 "/api/v1/village-funds/{fund}":{"get":op("A village fund: rules and deadlines, amounts, every sołectwo's status against the deadlines, assemblies, applications",js("VillageFund"),errors=("404","409"),auth=False,params=("fund",))},
 "/api/v1/village-funds/{fund}/resolution":{"post":op("Record the council's resolution on separating the fund (admin); 422 deadline_passed after 31 March of the year before",js("VillageFundChanged"),"200","NewFundResolution",W,params=("fund",),idem=True)},
 "/api/v1/village-funds/{fund}/amounts":{"post":op("Announce each sołectwo's amount (admin): F = (2 + Lm/100) × Kb, at most 10 × Kb, with the gmina's additions apart",js("VillageFundChanged"),"200","NewFundAmounts",W,params=("fund",),idem=True)},
 "/api/v1/village-funds/{fund}/assemblies":{"post":op("Enter a village assembly from its minutes (the sołtys: reviewer or admin scoped to the sołectwo); 422 too_few_initiators",js("VillageFundChanged","Created"),"201","NewAssembly",W,params=("fund",),idem=True)},
 "/api/v1/village-funds/{fund}/applications":{"post":op("Submit the sołectwo's application (the sołtys); 422 over_fund_amount, not_adopted, deadline_passed",js("VillageFundChanged","Created"),"201","NewFundApplication",W,params=("fund",),idem=True)},
 "/api/v1/village-funds/{fund}/applications/{application}/decision":{"post":op("The wójt accepts or rejects with reasons, rejecting within 7 days of receipt (admin)",js("VillageFundChanged"),"200","FundDecision",W,params=("fund","application"),idem=True)},
 "/api/v1/village-funds/{fund}/applications/{application}/referral":{"post":op("The sołtys refers a rejected application to the council within 7 days",js("VillageFundChanged"),"200","FundReferral",W,params=("fund","application"),idem=True)},
 "/api/v1/village-funds/{fund}/applications/{application}/council-decision":{"post":op("The council's decision on a referred application within 14 days (admin); the wójt is bound by it",js("VillageFundChanged"),"200","CouncilDecision",W,params=("fund","application"),idem=True)},
 "/api/v1/village-funds/{fund}/applications/{application}/execution":{"post":op("Record what was carried out of an accepted application's project in the budget year: what was done, the amount paid from the fund since the last record, whether it is complete (admin); 422 over_fund_amount when the sołectwo's amount would be passed, out_of_order",js("VillageFundChanged","Created"),"201","FundExecution",W,params=("fund","application"),idem=True)},
 "/api/v1/editions/{edition}/local-initiatives":{
   "get":op("Local initiatives: the council's criteria and the exact ranking",js("LocalInitiatives"),errors=("404",),auth=False,params=("edition",)),
   "post":op("Apply for a local initiative, directly or through an organisation, with the residents' contribution (resident)",js("LocalInitiativesChanged","Created"),"201","NewLocalApplication",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/local-initiatives/criteria":{"post":op("Record the council's criteria, weights, scale and tie-break; one must measure the residents' contribution (admin)",js("LocalInitiativesChanged","Created"),"201","NewCriteria",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/local-initiatives/{application}/scores":{"post":op("Score an application on one criterion with a justification (reviewer or admin)",js("LocalInitiativesChanged","Created"),"201","NewScore",W,params=("edition","application"),idem=True)},
 "/api/v1/editions/{edition}/local-initiatives/{application}/decision":{"post":op("Decide an application (admin)",js("LocalInitiativesChanged"),"200","LocalDecision",W,params=("edition","application"),idem=True)},
 "/api/v1/editions/{edition}/local-initiatives/{application}/agreement":{"post":op("Record the agreement (umowa) of an approved application (admin)",js("LocalInitiativesChanged","Created"),"201","NewAgreement",W,params=("edition","application"),idem=True)},
 "/api/v1/editions/{edition}/local-initiatives/{application}/progress":{"post":op("Record progress and the contribution actually given (admin)",js("LocalInitiativesChanged","Created"),"201","NewProgress",W,params=("edition","application"),idem=True)},
 "/api/v1/audit/checkpoint":{"get":op("The latest signed checkpoint (C2SP signed note)",{"description":"OK","content":{"text/plain":{"schema":string}}},errors=("404",),auth=False)},
 "/api/v1/audit/entries":{"get":op("Entries from..to (at most 10000) as JSON lines {\"entry\":{canonical entry with prev},\"hash\":\"sha-256 hex\"}, as in the bundle's entries.jsonl",{"description":"OK","content":{"application/jsonl":{"schema":string}}},errors=("404","422"),auth=False,params=("from","to"))},
 "/api/v1/audit/proof/{seq}":{"get":op("Inclusion proof of an entry against a signed checkpoint",js("InclusionReceipt"),errors=("404",),auth=False,params=("seq",))},
 "/api/v1/audit/consistency":{"get":op("RFC 6962 consistency proof between two tree sizes",js("Consistency"),errors=("404","422"),auth=False,params=("fromRequired","toRequired"))},
 "/api/v1/audit/public-key":{"get":op("The checkpoint verifier key",{"description":"OK","content":{"text/plain":{"schema":string}}},auth=False)},
}
def param(name, where="path", schema=string, required=True, desc=None):
    d={"name":name,"in":where,"required":required,"schema":schema}
    if desc: d["description"]=desc
    return d
doc={"openapi":"3.1.0",
 "info":{"title":"Wiec API","version":"1.0.0","description":"Polish civic budgets (budżet obywatelski) run and audited over HTTP. Every error is application/problem+json (RFC 9457) with a stable code and a Polish and an English title. Every POST and PATCH accepts Idempotency-Key."},
 "servers":[{"url":"/"}],
 "paths":paths,
 "components":{
  "securitySchemes":{"bearer":{"type":"http","scheme":"bearer","description":"A staff token (wiec staff add) or a resident token (registration)."}},
  "parameters":{
   "edition":param("edition"),"id":param("id"),"fund":param("fund"),"application":param("application"),"point":param("point"),"pool":param("pool"),"seq":param("seq",schema=bounded(1,INT64_MAX),desc="An entry's sequence number; entries are numbered from 1"),
   "poolQuery":param("pool","query",required=False),
   "category":param("category","query",required=False),"status":param("status","query",required=False),
   "from":param("from","query",bounded(1,INT64_MAX),False,"The first entry, from 1 (default 1)"),"to":param("to","query",bounded(1,INT64_MAX),False,"The last entry (default: the last, at most 10000 after from)"),
   "fromRequired":param("from","query",bounded(1,INT64_MAX),True),"toRequired":param("to","query",bounded(1,INT64_MAX),True),
   "IdempotencyKey":param("Idempotency-Key","header",{"type":"string","pattern":"^[!-~]{1,200}$"},required=False,desc="1 to 200 printable ASCII characters, no space. A retry with the same key returns the first answer and appends nothing; an invalid key is refused with 400."),
  },
  "responses":{c:{"description":d,"content":{"application/problem+json":{"schema":ref("Problem")}}} for c,d in
   [("400","Malformed JSON, unknown field"),("401","Missing or invalid token"),("403","Role or scope"),("404","Not found"),
    ("409","Phase or state"),("413","Body too large"),("422","Rules of the pool, invalid value"),("429","Rate limited; see Retry-After"),
    ("default","Any other problem (405 with Allow; 503 storage_unavailable with Retry-After when the store cannot write, nothing stored; 500)")]},
  "schemas":schemas}}
# Every integer the server reads is a 64-bit one: bound those the schemas leave open, so that no
# request the document allows is beyond what the server can read.
def bound_integers(node):
    if isinstance(node, dict):
        if node.get("type") == "integer":
            node.setdefault("minimum", -2**63)
            node.setdefault("maximum", INT64_MAX)
        for value in node.values(): bound_integers(value)
    elif isinstance(node, list):
        for value in node: bound_integers(value)
bound_integers(schemas)
# fix the proposals filter param names
paths["/api/v1/editions/{edition}/proposals"]["get"]["parameters"]=[{"$ref":"#/components/parameters/edition"},{"$ref":"#/components/parameters/poolQuery"},{"$ref":"#/components/parameters/category"},{"$ref":"#/components/parameters/status"}]
json.dump(doc, open("Sources/WiecServer/Resources/openapi.json", "w"), indent=1, ensure_ascii=False)
