/**
 * SEC EDGAR company-facts adapter. Entry point: {@link io.tailguard.sources.edgar.EdgarClient#companyFacts}
 * ({@code api/xbrl/companyfacts/CIK##########.json}, with the User-Agent SEC requires and its 10 requests/s limit);
 * {@link io.tailguard.sources.edgar.AnnualFigures} turns the facts into point-in-time annual observations.
 */
package io.tailguard.sources.edgar;
