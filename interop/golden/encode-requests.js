#!/usr/bin/env node
// Golden request vectors: drives the reference peer (@stoqey/ib) against a tiny local TCP server that
// answers the handshake with server version 193, records every frame the peer sends, and prints
// { callName: hexOfTheWholeFrame } as JSON on stdout. Run from anywhere: node interop/golden/encode-requests.js
// The calls and their arguments must stay in step with GoldenRequestVectorsTest (Java side).
"use strict";
const net = require("net");
const path = require("path");
const { IBApi } = require(path.join(__dirname, "..", "node_modules", "@stoqey", "ib"));

const XSP_PUT = {
  conId: 0, symbol: "XSP", secType: "OPT", lastTradeDateOrContractMonth: "20261127", strike: 590, right: "P",
  multiplier: 100, exchange: "SMART", primaryExch: "", currency: "USD", localSymbol: "", tradingClass: "XSP",
  includeExpired: false,
};
const XSP_PUT_QUALIFIED = { ...XSP_PUT, conId: 123456789 };
const XSP_CLASS = {
  conId: 0, symbol: "XSP", secType: "OPT", lastTradeDateOrContractMonth: "20261127", exchange: "SMART",
  currency: "USD", tradingClass: "XSP", includeExpired: false,
};
const UPRO = { conId: 0, symbol: "UPRO", secType: "STK", exchange: "SMART", currency: "USD", includeExpired: false };
const SPX = { conId: 0, symbol: "SPX", secType: "IND", exchange: "CBOE", currency: "USD", includeExpired: false };
const SUMMARY_TAGS = "NetLiquidation,TotalCashValue,BuyingPower";

// A transmitted limit order with every other field at the value our OrderEncoder writes (IB's defaults;
// undefined is written as an empty field by the peer). scalePriceIncrement must stay undefined: any value
// makes the peer add 7 scale fields.
function lmt(action, qty, price, account, orderRef, extra) {
  return {
    action, totalQuantity: qty, orderType: "LMT", lmtPrice: price, auxPrice: undefined, tif: "DAY", ocaGroup: "",
    account, openClose: "", origin: 0, orderRef, transmit: true, parentId: 0, blockOrder: false, sweepToFill: false,
    displaySize: 0, triggerMethod: 0, outsideRth: false, hidden: false, discretionaryAmt: 0, goodAfterTime: "",
    goodTillDate: "", faGroup: "", faMethod: "", faPercentage: "", modelCode: "", shortSaleSlot: 0,
    designatedLocation: "", exemptCode: -1, ocaType: 0, rule80A: "", settlingFirm: "", allOrNone: false,
    eTradeOnly: false, firmQuoteOnly: false, auctionStrategy: 0, overridePercentageConstraints: false,
    deltaNeutralOrderType: "", continuousUpdate: false, scaleTable: "", activeStartTime: "", activeStopTime: "",
    hedgeType: "", optOutSmartRouting: false, clearingAccount: "", clearingIntent: "", notHeld: false,
    algoStrategy: "", algoId: "", whatIf: false, orderMiscOptions: "", solicited: false, randomizeSize: false,
    randomizePrice: false, adjustedOrderType: "", adjustableTrailingUnit: 0, extOperator: "",
    mifid2DecisionMaker: "", mifid2DecisionAlgo: "", mifid2ExecutionTrader: "", mifid2ExecutionAlgo: "",
    dontUseAutoPriceForHedge: false, isOmsContainer: false, discretionaryUpToLimitPrice: false,
    autoCancelParent: false, advancedErrorOverride: "", manualOrderTime: "", customerAccount: "",
    professionalCustomer: false, includeOvernight: false, manualOrderIndicator: "",
    ...extra,
  };
}
const UPRO_QUALIFIED = { ...UPRO, conId: 75961307, primaryExch: "", lastTradeDateOrContractMonth: "", right: "",
  multiplier: "", localSymbol: "", tradingClass: "", secIdType: "", secId: "" };
const XSP_PUT_ORDER = { ...XSP_PUT_QUALIFIED, secIdType: "", secId: "" };
const leg = (conId, action) => ({ conId, ratio: 1, action, exchange: "SMART", openClose: 0, shortSaleSlot: 0,
  designatedLocation: "", exemptCode: -1 });
const XSP_SPREAD = {
  conId: 0, symbol: "XSP", secType: "BAG", lastTradeDateOrContractMonth: "", strike: undefined, right: "",
  multiplier: "", exchange: "SMART", primaryExch: "", currency: "USD", localSymbol: "", tradingClass: "",
  secIdType: "", secId: "", comboLegs: [leg(123456789, "BUY"), leg(123456790, "SELL")],
};
const CANCEL = { manualOrderCancelTime: "", extOperator: "", manualOrderIndicator: "" };
const EXEC_FILTER = { clientId: 0, acctCode: "DU1234567", time: "20261120-14:30:00", symbol: "", secType: "",
  exchange: "", side: "" };

const CALLS = [
  ["reqIds", (ib) => ib.reqIds(1)],
  ["reqCurrentTime", (ib) => ib.reqCurrentTime()],
  ["reqMarketDataType", (ib) => ib.reqMarketDataType(3)],
  ["reqContractDetails.xspPut", (ib) => ib.reqContractDetails(100000001, XSP_PUT)],
  ["reqContractDetails.xspExpiry", (ib) => ib.reqContractDetails(100000002, XSP_CLASS)],
  ["reqContractDetails.upro", (ib) => ib.reqContractDetails(100000003, UPRO)],
  ["reqContractDetails.spx", (ib) => ib.reqContractDetails(100000004, SPX)],
  ["reqSecDefOptParams.xsp", (ib) => ib.reqSecDefOptParams(100000005, "XSP", "", "IND", 416904)],
  ["reqMktData.xspPutSnapshot", (ib) => ib.reqMktData(100000006, XSP_PUT_QUALIFIED, "", true, false)],
  ["reqMktData.uproStream", (ib) => ib.reqMktData(100000007, UPRO, "106", false, false)],
  ["reqMktData.spxSnapshot", (ib) => ib.reqMktData(100000008, SPX, "", true, false)],
  ["cancelMktData", (ib) => ib.cancelMktData(100000007)],
  ["reqHistoricalData.upro", (ib) => ib.reqHistoricalData(100000009, UPRO, "", "12 D", "1 day", "TRADES", 1, 1, false)],
  ["reqHistoricalData.spx", (ib) => ib.reqHistoricalData(100000010, SPX, "", "365 D", "1 day", "TRADES", 1, 1, false)],
  ["reqPositions", (ib) => ib.reqPositions()],
  ["cancelPositions", (ib) => ib.cancelPositions()],
  ["reqAccountSummary", (ib) => ib.reqAccountSummary(100000011, "All", SUMMARY_TAGS)],
  ["cancelAccountSummary", (ib) => ib.cancelAccountSummary(100000011)],
  ["reqMarketRule", (ib) => ib.reqMarketRule(26)],
  ["placeOrder.xspPut", (ib) => ib.placeOrder(1001, XSP_PUT_ORDER, lmt("BUY", 2, 1.25, "DU1234567", "P20261120-L1"))],
  ["placeOrder.uproStock", (ib) => ib.placeOrder(1002, UPRO_QUALIFIED, lmt("SELL", 150, 71.37, "DU1234567", "P20261120-L2"))],
  ["placeOrder.xspSpread", (ib) => ib.placeOrder(1003, XSP_SPREAD, lmt("BUY", 3, 0.85, "DU1234567", "P20261120-L3",
    { orderComboLegs: [], smartComboRoutingParams: [{ tag: "NonGuaranteed", value: "1" }] }))],
  ["cancelOrder", (ib) => ib.cancelOrder(1001, CANCEL)],
  ["reqOpenOrders", (ib) => ib.reqOpenOrders()],
  ["reqAllOpenOrders", (ib) => ib.reqAllOpenOrders()],
  ["reqCompletedOrders", (ib) => ib.reqCompletedOrders(true)],
  ["reqExecutions", (ib) => ib.reqExecutions(100000012, EXEC_FILTER)],
];

function frame(fields) {
  const body = Buffer.from(fields.map((f) => String(f) + "\0").join(""), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

const frames = [];
let waiting = null;
const server = net.createServer((sock) => {
  let buf = Buffer.alloc(0);
  let helloDone = false;
  sock.on("data", (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      if (!helloDone) {
        if (buf.length < 8) return;
        const n = buf.readUInt32BE(4);
        if (buf.length < 8 + n) return;
        frames.push({ name: "hello", bytes: buf.subarray(0, 8 + n) });
        buf = buf.subarray(8 + n);
        helloDone = true;
        sock.write(frame(["193", "20261122 03:00:00 UTC"]));
        continue;
      }
      if (buf.length < 4) return;
      const n = buf.readUInt32BE(0);
      if (buf.length < 4 + n) return;
      const bytes = buf.subarray(0, 4 + n);
      buf = buf.subarray(4 + n);
      frames.push({ name: null, bytes });
      if (frames.length === 2) {
        sock.write(frame(["15", "1", "DU1234567"]));
        sock.write(frame(["9", "1", "1"]));
      }
      if (waiting) waiting();
    }
  });
});

function nextFrame(timeoutMs) {
  const have = frames.length;
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("peer sent nothing within " + timeoutMs + " ms")), timeoutMs);
    waiting = () => {
      if (frames.length > have) {
        clearTimeout(t);
        waiting = null;
        resolve(frames[frames.length - 1]);
      }
    };
    waiting();
  });
}

server.listen(0, "127.0.0.1", async () => {
  const ib = new IBApi({ host: "127.0.0.1", port: server.address().port });
  ib.on("error", (err, code) => process.stderr.write("peer error " + code + ": " + err + "\n"));
  try {
    ib.connect(7);
    const start = await nextFrame(5000);
    if (frames.length < 2) await nextFrame(5000);
    frames[1].name = "startApi";
    for (const [name, call] of CALLS) {
      const f = nextFrame(5000);
      call(ib);
      (await f).name = name;
    }
    const out = {};
    for (const f of frames) out[f.name] = f.bytes.toString("hex");
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    ib.disconnect();
    server.close();
    process.exit(0);
  } catch (e) {
    process.stderr.write(String(e) + "\n");
    process.exit(1);
  }
});
