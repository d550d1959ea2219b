package dev.ignis.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/** Scenario 5, cold: one engine start per fresh JVM (each fork is one sample). */
@Fork(4)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BootColdBench extends BootBench {
}
