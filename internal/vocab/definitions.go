package vocab

// The words of definitions in table notes: "满意率＝满意数÷回访数", and
// "按时限办理回复、诉求人未明确表示不满意、事项已彻底办结的为优秀件", whose
// conditions each put an item in a count.

var (
	// DefiningVerbs end the conditions of a definition before the thing
	// defined: …的为优秀件, …视为满意.
	DefiningVerbs = newList("defining verbs", "为", "按", "计为", "视为", "算作")
	// DefinitionTails may follow the thing defined: …的为优秀件, …按满意
	// 计算.
	DefinitionTails = newList("definition tails", "件", "计算", "统计")
	// ConditionJoiners join the conditions of a definition, beside list
	// punctuation: 按时办结且群众满意.
	ConditionJoiners = newList("condition joiners", "且", "并")
	// ConditionEnds may close the conditions before the defining verb:
	// …办结的为优秀件, …均为.
	ConditionEnds = newList("condition ends", "的", "均")
	// The words of a condition, by the count they put an item in.
	OnTimeConditions    = newList("on-time conditions", "按时", "按期", "按时限", "及时办结")
	SatisfiedConditions = newList("satisfied conditions", "满意")
	ClosedConditions    = newList("closed conditions", "办结", "结案")
	ResolvedConditions  = newList("resolved conditions", "解决")
	VisitedConditions   = newList("visited conditions", "回访")
	RepliedConditions   = newList("replied conditions", "回复", "答复")
)
