package dev.ignis.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/** Scenario 5, warm: engine starts after a few in the same JVM. */
@Fork(2)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BootWarmBench extends BootBench {
}
