package io.tailguard.pricing.montecarlo;

import java.util.Arrays;

/**
 * Order statistics without a full sort: a quickselect that moves the k+1 smallest values of an array
 * to its front and returns the (k+1)-th smallest. O(n) on average, which is what lets a thousand
 * candidates be ranked on 100,000 paths in well under a second; deterministic (median-of-three pivot,
 * no randomness), with a sort as the fallback against adversarial input.
 */
final class TailSelection {

    private static final int INSERTION_LIMIT = 16;

    private TailSelection() {
    }

    /** Rearranges {@code values[0..n)} so that index k holds the (k+1)-th smallest, smaller ones before it. */
    static double select(double[] values, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IndexOutOfBoundsException("k " + k + " outside 0.." + (n - 1));
        }
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
        while (hi - lo > INSERTION_LIMIT) {
            if (budget-- == 0) {
                Arrays.sort(values, lo, hi + 1);
                return values[k];
            }
            int mid = (lo + hi) >>> 1;
            // median of three to values[mid]
            if (values[mid] < values[lo]) {
                swap(values, mid, lo);
            }
            if (values[hi] < values[lo]) {
                swap(values, hi, lo);
            }
            if (values[hi] < values[mid]) {
                swap(values, hi, mid);
            }
            double pivot = values[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        Arrays.sort(values, lo, hi + 1);
        return values[k];
    }

    private static void swap(double[] values, int a, int b) {
        double t = values[a];
        values[a] = values[b];
        values[b] = t;
    }
}
