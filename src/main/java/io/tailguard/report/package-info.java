/**
 * Tables, CSV and PNG charts.
 */
package io.tailguard.report;
