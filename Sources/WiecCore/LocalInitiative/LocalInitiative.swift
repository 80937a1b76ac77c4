/// The rules of local initiatives (inicjatywa lokalna) within an edition: residents apply to carry out
/// a public task together with the gmina, officials score the applications on the council's criteria,
/// and the ranking, decision, agreement and progress follow. Pure; the day of recording is passed in.
public enum LocalInitiative {}
