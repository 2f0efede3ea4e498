/**
 * The weekly XSP put / UPRO short-call hedge and its optimizer.
 */
package io.tailguard.hedge;
