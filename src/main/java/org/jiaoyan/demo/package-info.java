/** Demo county on first start, and the data generator for benchmarks (generate --schools N --teachers M). */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.demo;
