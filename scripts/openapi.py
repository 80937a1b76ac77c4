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
amount={"type":"string","pattern":"^-?[0-9]+(\\.[0-9]{1,2})?$","description":"An exact amount in złoty, as a decimal string; requests may also send an integer of whole złoty."}
amount_in={"oneOf":[amount,{"type":"integer"}]}
schemas={
 "Problem": obj({"type":string,"title":string,"title_pl":string,"status":integer,"detail":string,"code":string,"instance":string,"request_id":string},
                ["type","title","title_pl","status","detail","code"]),
 "Receipt": obj({"first_sequence":integer,"sequence":integer,"entry_hash":s("string",pattern="^[0-9a-f]{64}$"),
   "leaf_hash":s("string",pattern="^[0-9a-f]{64}$",description="RFC 6962 leaf hash of the entry (ballots)"),
   "proof":s("string",description="where the inclusion proof against a signed checkpoint is"),
   "checkpoint":s("string",description="where the latest signed checkpoint is")},["first_sequence","sequence","entry_hash","proof","checkpoint"]),
 "Pool": obj({"id":string,"name":string,"budget":amount,"vote_type":s("string",enum=["approval","choose-1","cumulative","ordinal","scoring"]),
   "rule":string,"tie_breaking":string,"min_project_score_threshold":integer,"support_list_size":integer,"allows_revoting":boolean,
   "min_length":integer,"max_length":integer,"min_sum_cost":amount,"max_sum_cost":amount,"min_points":integer,"max_points":integer,
   "min_sum_points":integer,"max_sum_points":integer,"ballots":integer},["id","name","budget","vote_type","rule"]),
 "Edition": obj({"id":string,"name":string,"phase":ref("Phase"),"pools":s("array",items=ref("Pool")),"proposals":integer,"residents":integer,"voters":integer,
   "minimum_voter_age":s("integer",minimum=0,maximum=150,description="The youngest age, in whole years on the day of registration (Europe/Warsaw), at which a person may register; absent when there is no limit")},
   ["id","name","phase","pools","proposals","residents","voters"]),
 "Phase": s("string",enum=["draft","submission","review","appeals","voting","closed","published"]),
 "Review": obj({"stage":ref("Stage"),"outcome":ref("Outcome"),"justification":string,"reviewed_cost":amount,"reviewer":string},["stage","outcome","justification","reviewer"]),
 "Stage": s("string",enum=["formal","merit","cost"]),
 "Outcome": s("string",enum=["positive","negative"]),
 "Appeal": obj({"id":string,"proposal":string,"stage":ref("Stage"),"grounds":string,"upheld":boolean,"justification":string,"reviewed_cost":amount},["id","proposal","stage","grounds"]),
 "Proposal": obj({"id":string,"edition":string,"pool":string,"title":string,"description":string,"category":string,"location":string,
   "cost_estimate":amount,"reviewed_cost":amount,"initiative":string,"supporters":integer,"status":s("string",enum=["pending","admitted","rejected","withdrawn"]),
   "reviews":s("array",items=ref("Review")),"appeals":s("array",items=ref("Appeal")),"withdrawal":string},
   ["id","edition","pool","title","description","cost_estimate","supporters","status","reviews","appeals"]),
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
 "NewEdition": obj({"id":string,"name":string,"minimum_voter_age":s("integer",minimum=0,maximum=150,description="Sets the minimum voter age in the same transaction as the creation")},["id","name"]),
 "VoterAgeLimit": obj({"minimum_age":nullable(s("integer",minimum=0,maximum=150,description="The youngest age, in whole years on the day of registration (Europe/Warsaw), at which a person may register; null for no limit"))}),
 "NewPool": {"allOf":[ref("Pool")]},
 "PhaseChange": obj({"to":ref("Phase")}),
 "NewWorkshop": obj({"id":string,"theme":string,"date":s("string",format="date"),"place":string,"facilitator":string,"participants":integer},["theme","date","place","facilitator","participants"]),
 "NewInitiative": obj({"id":string,"workshop":string,"title":string,"description":string},["title","description"]),
 "NewProposal": obj({"id":string,"pool":string,"title":string,"description":string,"category":string,"location":string,"cost_estimate":amount_in,"initiative":string},["pool","title","description","cost_estimate"]),
 "Amendment": obj({"title":string,"description":string,"cost_estimate":amount_in},[]),
 "Signature": obj({"signer":string},[]),
 "NewReview": obj({"stage":ref("Stage"),"outcome":ref("Outcome"),"justification":string,"reviewed_cost":amount_in},["stage","outcome","justification"]),
 "NewAppeal": obj({"id":string,"stage":ref("Stage"),"grounds":string},["stage","grounds"]),
 "Decision": obj({"upheld":boolean,"justification":string,"reviewed_cost":amount_in},["upheld","justification"]),
 "Registration": obj({"name":string,"pesel":s("string",pattern="^[0-9]{11}$"),"contact":string},["name","pesel"]),
 "NewBallot": obj({"id":string,"pool":string,"projects":s("array",items=string),"points":s("array",items=integer)},["pool","projects"]),
 "PaperBatch": obj({"ballots":s("array",minItems=1,maxItems=1000,items=obj({"id":string,"resident":s("string",description="The resident id the voter registered with"),"pool":string,"projects":s("array",items=string),"points":s("array",items=integer)},["resident","pool","projects"]))}),
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
 "/api/v1/editions/{edition}/workshops":{"post":op("Record a workshop (admin)",js("Created","Created"),"201","NewWorkshop",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/initiatives":{"post":op("Submit an initiative (resident)",js("Created","Created"),"201","NewInitiative",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/proposals":{
   "post":op("Submit a proposal (resident, submission), possibly from an initiative",js("ProposalChanged","Created"),"201","NewProposal",W,params=("edition",),idem=True),
   "get":op("Proposals, filtered by pool, category, status",{"description":"OK","content":{"application/json":{"schema":s("array",items=ref("Proposal"))}}},errors=("404",),auth=False,params=("edition","pool","category","status"))},
 "/api/v1/proposals/{id}":{
   "get":op("A proposal with its review history",js("Proposal"),errors=("404",),auth=False,params=("id",)),
   "patch":op("Amend one's own proposal (submitter, submission or review)",js("ProposalChanged"),"200","Amendment",W,params=("id",),idem=True)},
 "/api/v1/proposals/{id}/support":{"post":op("Sign the support list",js("ProposalChanged","Created"),"201","Signature",W,params=("id",),idem=True)},
 "/api/v1/proposals/{id}/reviews":{"post":op("Review a stage (reviewer in scope, review)",js("ProposalChanged","Created"),"201","NewReview",W,params=("id",),idem=True)},
 "/api/v1/proposals/{id}/appeals":{"post":op("Appeal a negative stage (submitter, appeals)",js("AppealChanged","Created"),"201","NewAppeal",W,params=("id",),idem=True)},
 "/api/v1/appeals/{id}/decision":{"post":op("Decide an appeal (admin, appeals)",js("AppealChanged"),"200","Decision",W,params=("id",),idem=True)},
 "/api/v1/editions/{edition}/voters":{"post":op("Register as a resident (a voter); returns the resident id and a resident token (the PESEL is never echoed). 422 too_young when the PESEL's age on the day of registration (Europe/Warsaw) is below the edition's minimum_voter_age",js("Registered","Created"),"201","Registration",W+("429",),auth=False,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/ballots":{"post":op("Cast an online ballot (resident, voting)",js("Cast","Created"),"201","NewBallot",W+("429",),params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/paper-ballots":{"post":op("Enter paper ballots in bulk, all or nothing (admin)",js("PaperCast","Created"),"201","PaperBatch",W,params=("edition",),idem=True)},
 "/api/v1/editions/{edition}/results":{"get":op("Published results",js("Results"),errors=("404","409"),auth=False,params=("edition",))},
 "/api/v1/editions/{edition}/results.csv":{"get":op("Published results as CSV",{"description":"OK","content":{"text/csv":{"schema":string}}},errors=("404","409"),auth=False,params=("edition",))},
 "/api/v1/editions/{edition}/pools/{pool}/pabulib":{"get":op("A pool's published election as a pabulib .pb file",{"description":"OK","content":{"text/plain":{"schema":string}}},errors=("404","409","422"),auth=False,params=("edition","pool"))},
 "/api/v1/editions/{edition}/bundle":{"get":op("The audit bundle as a tar archive: entries.jsonl, checkpoints/*.note, key.vkey, results.json, pools/*.pb (the folder wiec export writes; check it with wiec verify)",{"description":"OK","content":{"application/x-tar":{"schema":s("string",contentMediaType="application/x-tar")}}},errors=("404",),auth=False,params=("edition",))},
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
   "edition":param("edition"),"id":param("id"),"pool":param("pool"),"seq":param("seq",schema=integer),
   "poolQuery":param("pool","query",required=False),
   "category":param("category","query",required=False),"status":param("status","query",required=False),
   "from":param("from","query",integer,False),"to":param("to","query",integer,False),
   "fromRequired":param("from","query",integer,True),"toRequired":param("to","query",integer,True),
   "IdempotencyKey":param("Idempotency-Key","header",required=False,desc="A retry with the same key returns the first answer and appends nothing."),
  },
  "responses":{c:{"description":d,"content":{"application/problem+json":{"schema":ref("Problem")}}} for c,d in
   [("400","Malformed JSON, unknown field"),("401","Missing or invalid token"),("403","Role or scope"),("404","Not found"),
    ("409","Phase or state"),("413","Body too large"),("422","Rules of the pool, invalid value"),("429","Rate limited; see Retry-After"),
    ("default","Any other problem (405 with Allow; 503 storage_unavailable with Retry-After when the store cannot write, nothing stored; 500)")]},
  "schemas":schemas}}
# fix the proposals filter param names
paths["/api/v1/editions/{edition}/proposals"]["get"]["parameters"]=[{"$ref":"#/components/parameters/edition"},{"$ref":"#/components/parameters/poolQuery"},{"$ref":"#/components/parameters/category"},{"$ref":"#/components/parameters/status"}]
json.dump(doc, open("Sources/WiecServer/Resources/openapi.json", "w"), indent=1, ensure_ascii=False)
