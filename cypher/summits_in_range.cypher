// Summits in a date range: every summit dated between two dates, inclusive, in date order.
// Dates are ISO text, so pass 2025-03 rather than 2025-03-01 to include summits known only by month.
// params: $from_date, $to_date = YYYY, YYYY-MM or YYYY-MM-DD
MATCH (s:Summit)
WHERE s.date >= $from_date AND s.date <= $to_date
RETURN s.id AS summit, s.name AS name, s.date AS date, s.city AS city
ORDER BY date, summit
