package dev.ignis.conformance;

import dev.ignis.conformance.model.Person;
import dev.ignis.conformance.model.PersonStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Deterministic test data and small helpers shared by the contracts. */
public final class Samples {
    /** Where the clock stands at the start of every test. */
    public static final Instant T0 = Instant.parse("2024-05-06T07:08:09Z");

    private Samples() {
    }

    /**
     * Six people with explicit ids {@code id-p1}..{@code id-p6} (so the id tie-break is known), covering nulls in
     * every nullable column:
     * <pre>
     * code name      age  score  active status   birthDate   lastSeen              secret
     * p1   Alice     30   10.50  true   ACTIVE   1994-05-01  2024-01-01T10:00:00Z  s1
     * p2   alice     25   20.00  false  PENDING  1999-01-15  null                  s2
     * p3   Bob       null 15.25  true   BLOCKED  null        2024-02-01T00:00:00Z  null
     * p4   Carol     41   null   null   ACTIVE   1983-12-31  2023-12-31T23:59:59Z  s4
     * p5   Dave_x    35   5.00   true   null     1989-07-04  null                  s5
     * p6   Eve 100%  19   99.99  false  PENDING  2005-02-28  2024-03-01T12:00:00Z  s6
     * </pre>
     */
    public static List<Person> people() {
        return List.of(
                Person.of("p1", "Alice").id("id-p1").age(30).score("10.50").active(true).status(PersonStatus.ACTIVE)
                        .birthDate("1994-05-01").lastSeen("2024-01-01T10:00:00Z").secret("s1"),
                Person.of("p2", "alice").id("id-p2").age(25).score("20.00").active(false).status(PersonStatus.PENDING)
                        .birthDate("1999-01-15").lastSeen(null).secret("s2"),
                Person.of("p3", "Bob").id("id-p3").age(null).score("15.25").active(true).status(PersonStatus.BLOCKED)
                        .birthDate(null).lastSeen("2024-02-01T00:00:00Z").secret(null),
                Person.of("p4", "Carol").id("id-p4").age(41).score(null).active(null).status(PersonStatus.ACTIVE)
                        .birthDate("1983-12-31").lastSeen("2023-12-31T23:59:59Z").secret("s4"),
                Person.of("p5", "Dave_x").id("id-p5").age(35).score("5.00").active(true).status(null)
                        .birthDate("1989-07-04").lastSeen(null).secret("s5"),
                Person.of("p6", "Eve 100%").id("id-p6").age(19).score("99.99").active(false).status(PersonStatus.PENDING)
                        .birthDate("2005-02-28").lastSeen("2024-03-01T12:00:00Z").secret("s6"));
    }

    public static List<String> codes(Collection<Person> people) {
        return people.stream().map(Person::getCode).toList();
    }

    public static List<String> sortedCodes(Collection<Person> people) {
        return people.stream().map(Person::getCode).sorted().toList();
    }
}
