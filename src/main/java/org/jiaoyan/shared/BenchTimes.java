package org.jiaoyan.shared;

import java.util.Arrays;

/** Timing arithmetic of the bench endpoints: one run's milliseconds, median and fastest, rounded to 0.01 ms. */
public final class BenchTimes {

    private BenchTimes() {
    }

    public static double timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    public static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        int n = s.length;
        return round(n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
    }

    public static double min(double[] ms) {
        return round(Arrays.stream(ms).min().orElse(0));
    }

    public static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
