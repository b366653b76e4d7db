package vocab

// Percentages and percentage points as the prose prints them: 63.72%,
// 百分之九十五点五, 提升3.67个百分点.

const (
	// PercentWord opens a percentage in words: 百分之百, 百分之九十五点五.
	PercentWord = "百分之"
	// PointsWord names percentage points, the difference of two rates:
	// 3.67百分点.
	PointsWord = "百分点"
	// PointsUnit is the unit of a change in percentage points, as figures
	// carry it: 提升3.67个百分点.
	PointsUnit = "个" + PointsWord
)

// PointsPattern matches the unit of percentage points after a number:
// 个百分点, 百分点. Text that holds no PointsWord holds none.
const PointsPattern = `个?` + PointsWord
