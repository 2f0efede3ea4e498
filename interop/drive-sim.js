#!/usr/bin/env node
// Drives a running tailguard SimGateway with the independent TWS API client @stoqey/ib (IBApi) and
// prints one JSON summary. Exit 0 only when every expected callback arrived and the peer reported no
// decode problem (its decoder reports field underruns, left-over fields and unknown message ids as
// `error` events with code 505; any other decoder exception escapes as an uncaught exception).
//
// usage: node drive-sim.js <port> [permissionlessSymbol]
"use strict";

const { IBApi, EventName } = require("@stoqey/ib");

const port = parseInt(process.argv[2], 10);
const permissionless = process.argv[3];
const STEP_TIMEOUT_MS = 5000;
const OVERALL_TIMEOUT_MS = 60000;
const UNKNOWN_ID = 505; // the peer's ErrorCode.UNKNOWN_ID, used for every decode problem
const DECODE_TEXT = /Underrun|unprocessed data|No parser implementation|Decoding error/i;

const summary = {
  ok: false,
  serverVersion: null,
  decodeProblems: [],
  unexpectedErrors: [],
  missing: [],
  steps: {},
  eventCounts: {},
};
const expectedErrors = []; // {reqId, code} that a step asked for
const receivedErrors = [];

function finish(code) {
  summary.ok = code === 0 && summary.decodeProblems.length === 0 && summary.missing.length === 0
    && summary.unexpectedErrors.length === 0;
  process.stdout.write(JSON.stringify(summary, null, 1) + "\n");
  process.exit(summary.ok ? 0 : 1);
}

process.on("uncaughtException", (e) => {
  summary.decodeProblems.push("uncaught exception in the peer: " + (e && e.stack ? e.stack : String(e)));
  finish(1);
});
setTimeout(() => {
  summary.missing.push("overall timeout of " + OVERALL_TIMEOUT_MS + " ms");
  finish(1);
}, OVERALL_TIMEOUT_MS).unref();

if (!Number.isInteger(port) || port <= 0) {
  summary.missing.push("usage: node drive-sim.js <port> [permissionlessSymbol]");
  finish(1);
}

const ib = new IBApi({ host: "127.0.0.1", port });

ib.on(EventName.all, (name) => {
  summary.eventCounts[name] = (summary.eventCounts[name] || 0) + 1;
});
ib.on(EventName.server, (version) => { summary.serverVersion = version; });
ib.on(EventName.error, (err, code, reqId) => {
  const message = err && err.message ? err.message : String(err);
  if (code === UNKNOWN_ID || DECODE_TEXT.test(message)) {
    summary.decodeProblems.push({ code, reqId, message });
    finish(1); // fail fast: later callbacks would be built on a misread stream
    return;
  }
  receivedErrors.push({ code, reqId, message });
  if (!expectedErrors.some((e) => e.code === code && e.reqId === reqId)) {
    summary.unexpectedErrors.push({ code, reqId, message });
  }
});

/** Resolves with the arguments of the first `event` whose arguments match; records a miss on timeout. */
function waitFor(event, match, label) {
  return new Promise((resolve) => {
    const listener = (...args) => {
      if (match(...args)) {
        clearTimeout(timer);
        ib.off(event, listener);
        resolve(args);
      }
    };
    const timer = setTimeout(() => {
      ib.off(event, listener);
      summary.missing.push(label);
      resolve(null);
    }, STEP_TIMEOUT_MS);
    ib.on(event, listener);
  });
}

/** Collects every `event` matching until `endEvent` matches; resolves with the collected argument lists. */
function collectUntil(event, match, endEvent, endMatch, label) {
  const items = [];
  const listener = (...args) => { if (match(...args)) items.push(args); };
  ib.on(event, listener);
  return waitFor(endEvent, endMatch, label).then((end) => {
    ib.off(event, listener);
    return end ? items : null;
  });
}

function expectError(reqId, code) {
  expectedErrors.push({ reqId, code });
  const seen = receivedErrors.find((e) => e.reqId === reqId && e.code === code);
  if (seen) return Promise.resolve([seen]);
  return waitFor(EventName.error, (err, c, id) => c === code && id === reqId, `error ${code} for ${reqId}`);
}

async function contractDetails(reqId, contract, label) {
  const list = collectUntil(EventName.contractDetails, (id) => id === reqId,
    EventName.contractDetailsEnd, (id) => id === reqId, label);
  ib.reqContractDetails(reqId, contract);
  return list;
}

async function run() {
  // handshake, START_API: managed accounts, next valid id, farm notices (info: id -1)
  const accounts = waitFor(EventName.managedAccounts, () => true, "managedAccounts");
  const nextId = waitFor(EventName.nextValidId, () => true, "nextValidId");
  const farms = [2104, 2106, 2158].map((code) => waitFor(EventName.info, (m, c) => c === code, `info ${code}`));
  ib.connect(17);
  const [acc] = (await accounts) || [];
  const [id0] = (await nextId) || [];
  await Promise.all(farms);
  summary.steps.handshake = { managedAccounts: acc, nextValidId: id0 };

  const ids = waitFor(EventName.nextValidId, () => true, "nextValidId after reqIds");
  ib.reqIds(1);
  summary.steps.reqIds = { nextValidId: ((await ids) || [])[0] };

  const time = waitFor(EventName.currentTime, () => true, "currentTime");
  ib.reqCurrentTime();
  summary.steps.currentTime = { epochSeconds: ((await time) || [])[0] };

  const upro = await contractDetails(101, { symbol: "UPRO", secType: "STK", exchange: "SMART", currency: "USD" },
    "contractDetails UPRO");
  const uproDetails = upro && upro[0] ? upro[0][1] : null;
  if (!uproDetails) summary.missing.push("UPRO contract");
  const xsp = await contractDetails(102, { symbol: "XSP", secType: "IND", exchange: "CBOE", currency: "USD" },
    "contractDetails XSP");
  const xspDetails = xsp && xsp[0] ? xsp[0][1] : null;
  if (!xspDetails) summary.missing.push("XSP index contract");
  summary.steps.contractDetails = {
    upro: uproDetails && { conId: uproDetails.contract.conId, minTick: uproDetails.minTick,
      marketRuleIds: uproDetails.marketRuleIds },
    xsp: xspDetails && { conId: xspDetails.contract.conId },
  };

  const defs = collectUntil(EventName.securityDefinitionOptionParameter, (id) => id === 103,
    EventName.securityDefinitionOptionParameterEnd, (id) => id === 103, "secDefOptParams end");
  ib.reqSecDefOptParams(103, "XSP", "", "IND", xspDetails ? xspDetails.contract.conId : 0);
  const def = (await defs || []).map((a) => ({ exchange: a[1], tradingClass: a[3], multiplier: a[4],
    expirations: a[5], strikes: a[6] })).find((d) => d.tradingClass === "XSP" && d.expirations.length > 0);
  summary.steps.secDefOptParams = def ? { exchange: def.exchange, multiplier: def.multiplier,
    expirations: def.expirations.length, strikes: def.strikes.length } : null;
  if (!def) {
    summary.missing.push("an XSP option class with expirations");
    return finish(1);
  }
  const expiry = def.expirations.slice().sort()[0];
  const strikes = def.strikes.slice().sort((a, b) => a - b);
  const underlying = (await underlyingPrice(xspDetails)) || strikes[Math.floor(strikes.length / 2)];
  const strike = strikes.reduce((best, k) => Math.abs(k - underlying) < Math.abs(best - underlying) ? k : best);
  const opt = await contractDetails(104, { symbol: "XSP", secType: "OPT", lastTradeDateOrContractMonth: expiry,
    strike, right: "P", exchange: "SMART", currency: "USD", tradingClass: "XSP" }, "contractDetails XSP put");
  const optDetails = opt && opt[0] ? opt[0][1] : null;
  if (!optDetails) {
    summary.missing.push(`XSP ${expiry} ${strike} P contract`);
    return finish(1);
  }
  summary.steps.option = { expiry, strike, conId: optDetails.contract.conId, marketRuleIds: optDetails.marketRuleIds };

  const ruleId = parseInt(String(optDetails.marketRuleIds || "").split(",")[0], 10);
  const rule = waitFor(EventName.marketRule, (id) => id === ruleId, "marketRule " + ruleId);
  ib.reqMarketRule(ruleId);
  const [, increments] = (await rule) || [];
  summary.steps.marketRule = { id: ruleId, increments };

  // an unknown contract: error 200
  const notFound = expectError(105, 200);
  ib.reqContractDetails(105, { symbol: "NO_SUCH_SYMBOL", secType: "STK", exchange: "SMART", currency: "USD" });
  summary.steps.unknownContract = { error200: !!(await notFound) };

  // streaming market data with generic ticks, then cancel
  ib.reqMarketDataType(1);
  const uproContract = { conId: uproDetails ? uproDetails.contract.conId : 0, exchange: "SMART" };
  const type201 = waitFor(EventName.marketDataType, (id) => id === 201, "marketDataType 201");
  const params201 = waitFor(EventName.tickReqParams, (id) => id === 201, "tickReqParams 201");
  const bid201 = waitFor(EventName.tickPrice, (id, t) => id === 201 && t === 1, "tickPrice bid 201");
  const ask201 = waitFor(EventName.tickPrice, (id, t) => id === 201 && t === 2, "tickPrice ask 201");
  const size201 = waitFor(EventName.tickSize, (id) => id === 201, "tickSize 201");
  ib.reqMktData(201, uproContract, "100,101,106", false, false);
  const streaming = await Promise.all([type201, params201, bid201, ask201, size201]);
  ib.cancelMktData(201);
  summary.steps.streaming = { marketDataType: streaming[0] && streaming[0][1], bid: streaming[2] && streaming[2][2],
    ask: streaming[3] && streaming[3][2] };

  // snapshot of the option with model greeks
  const optContract = { conId: optDetails.contract.conId, exchange: "SMART" };
  const model = waitFor(EventName.tickOptionComputation, (id, t, attr, iv, delta) => id === 202 && t === 13
    && iv !== undefined && delta !== undefined, "tickOptionComputation model 202");
  const end202 = waitFor(EventName.tickSnapshotEnd, (id) => id === 202, "tickSnapshotEnd 202");
  ib.reqMktData(202, optContract, "", true, false);
  const [m, e] = await Promise.all([model, end202]);
  summary.steps.snapshot = m && { impliedVol: m[3], delta: m[4], optPrice: m[5], gamma: m[7], vega: m[8],
    theta: m[9], undPrice: m[10], ended: !!e };

  // delayed data: notice 10167 and delayed tick types
  ib.reqMarketDataType(3);
  const type203 = waitFor(EventName.marketDataType, (id) => id === 203, "marketDataType 203");
  const notice = expectError(203, 10167);
  const delayedBid = waitFor(EventName.tickPrice, (id, t) => id === 203 && t === 66, "delayed bid 66");
  const delayedModel = waitFor(EventName.tickOptionComputation, (id, t) => id === 203 && t === 83,
    "delayed model option computation 83");
  const end203 = waitFor(EventName.tickSnapshotEnd, (id) => id === 203, "tickSnapshotEnd 203");
  ib.reqMktData(203, optContract, "", true, false);
  const delayed = await Promise.all([type203, notice, delayedBid, delayedModel, end203]);
  summary.steps.delayed = { marketDataType: delayed[0] && delayed[0][1], notice10167: !!delayed[1],
    bid: delayed[2] && delayed[2][2] };
  ib.reqMarketDataType(1);

  if (permissionless) {
    const denied = expectError(204, 354);
    ib.reqMktData(204, { symbol: permissionless, secType: "IND", exchange: "CBOE", currency: "USD" }, "", false, false);
    summary.steps.noPermission = { error354: !!(await denied) };
  }

  // historical daily bars
  const bars = collectUntil(EventName.historicalData, (id, date) => id === 301 && !String(date).startsWith("finished"),
    EventName.historicalData, (id, date) => id === 301 && String(date).startsWith("finished"), "historicalData end");
  ib.reqHistoricalData(301, uproContract, "", "5 D", "1 day", "TRADES", 1, 1, false);
  const barList = await bars;
  summary.steps.historicalData = barList && { bars: barList.length, first: barList[0] && barList[0][1] };

  const positions = collectUntil(EventName.position, () => true, EventName.positionEnd, () => true, "positionEnd");
  ib.reqPositions();
  const posList = await positions;
  ib.cancelPositions();
  summary.steps.positions = posList && posList.map((p) => ({ account: p[0], symbol: p[1].symbol, pos: p[2],
    avgCost: p[3] }));

  const tags = collectUntil(EventName.accountSummary, (id) => id === 401, EventName.accountSummaryEnd,
    (id) => id === 401, "accountSummaryEnd");
  ib.reqAccountSummary(401, "All", "NetLiquidation,TotalCashValue,BuyingPower");
  const tagList = await tags;
  ib.cancelAccountSummary(401);
  summary.steps.accountSummary = tagList && Object.fromEntries(tagList.map((t) => [t[2], t[3]]));
  for (const tag of ["NetLiquidation", "TotalCashValue", "BuyingPower"]) {
    if (!summary.steps.accountSummary || !(tag in summary.steps.accountSummary)) {
      summary.missing.push("accountSummary " + tag);
    }
  }

  await orders(optDetails, id0, acc);

  // a last round trip so that late decode problems are seen before we leave
  const last = waitFor(EventName.currentTime, () => true, "final currentTime");
  ib.reqCurrentTime();
  await last;
  ib.disconnect();
  finish(0);
}

/**
 * Orders: a resting limit (listed by reqOpenOrders / reqAllOpenOrders, then cancelled: orderStatus
 * Cancelled and error 202), then a marketable one (openOrder, orderStatus, execDetails, commissionReport
 * while the market trades), then reqExecutions and reqCompletedOrders. Every order message the gateway
 * writes goes through the peer's decoder.
 */
async function orders(optDetails, firstId, account) {
  const contract = { conId: optDetails.contract.conId, symbol: "XSP", secType: "OPT", exchange: "SMART",
    currency: "USD" };
  const order = (action, qty, price, ref) => ({ action, totalQuantity: qty, orderType: "LMT", lmtPrice: price,
    tif: "DAY", account, orderRef: ref, transmit: true });
  const resting = firstId;
  const opened = waitFor(EventName.openOrder, (id) => id === resting, "openOrder resting");
  const submitted = waitFor(EventName.orderStatus, (id, st) => id === resting && st === "Submitted",
    "orderStatus Submitted");
  ib.placeOrder(resting, contract, order("BUY", 1, 0.01, "DRIVE-L1"));
  const [, , o] = (await opened) || [];
  await submitted;

  const own = collectUntil(EventName.openOrder, () => true, EventName.openOrderEnd, () => true, "openOrderEnd");
  ib.reqOpenOrders();
  const ownList = (await own) || [];
  const all = collectUntil(EventName.openOrder, () => true, EventName.openOrderEnd, () => true, "openOrderEnd all");
  ib.reqAllOpenOrders();
  const allList = (await all) || [];

  const cancelled = waitFor(EventName.orderStatus, (id, st) => id === resting && st === "Cancelled",
    "orderStatus Cancelled");
  const confirm = expectError(resting, 202);
  ib.cancelOrder(resting, { manualOrderCancelTime: "", extOperator: "", manualOrderIndicator: "" });
  await Promise.all([cancelled, confirm]);

  const marketable = firstId + 1;
  const seen = waitFor(EventName.orderStatus, (id) => id === marketable, "orderStatus marketable");
  const executed = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), STEP_TIMEOUT_MS);
    ib.on(EventName.execDetails, (reqId, c, exec) => {
      if (exec.orderId === marketable) {
        clearTimeout(timer);
        resolve(exec);
      }
    });
  });
  const commission = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), STEP_TIMEOUT_MS);
    ib.on(EventName.commissionReport, (report) => { clearTimeout(timer); resolve(report); });
  });
  ib.placeOrder(marketable, contract, order("BUY", 1, 50, "DRIVE-L2"));
  await seen;
  const [exec, report] = await Promise.all([executed, commission]);

  const execs = collectUntil(EventName.execDetails, (id) => id === 501, EventName.execDetailsEnd, (id) => id === 501,
    "execDetailsEnd");
  ib.reqExecutions(501, { clientId: 0, acctCode: account, time: "", symbol: "", secType: "", exchange: "", side: "" });
  const execList = (await execs) || [];

  const completed = collectUntil(EventName.completedOrder, () => true, EventName.completedOrdersEnd, () => true,
    "completedOrdersEnd");
  ib.reqCompletedOrders(true);
  const completedList = (await completed) || [];

  summary.steps.orders = {
    restingOrderRef: o && o.orderRef, restingLimit: o && o.lmtPrice,
    openOrders: ownList.length, allOpenOrders: allList.length,
    filled: !!exec, execOrderRef: exec && exec.orderRef, execSide: exec && exec.side,
    commission: report && report.commission,
    executions: execList.length, executionOrderRefs: execList.map((a) => a[2].orderRef),
    completedOrders: completedList.length,
    completedStatuses: completedList.map((a) => a[2].status),
  };
}

/** The index's last (or mid) price from a snapshot, to pick a strike near the money. */
async function underlyingPrice(xspDetails) {
  if (!xspDetails) return null;
  const last = waitFor(EventName.tickPrice, (id, t, p) => id === 200 && (t === 4 || t === 1) && p > 0,
    "XSP index price");
  const end = waitFor(EventName.tickSnapshotEnd, (id) => id === 200, "tickSnapshotEnd 200");
  ib.reqMktData(200, { conId: xspDetails.contract.conId, exchange: xspDetails.contract.exchange }, "", true, false);
  const [t] = await Promise.all([last, end]);
  return t ? t[2] : null;
}

run().catch((e) => {
  summary.missing.push("driver failed: " + (e && e.stack ? e.stack : String(e)));
  finish(1);
});
