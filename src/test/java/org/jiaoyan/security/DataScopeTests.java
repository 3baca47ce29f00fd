package org.jiaoyan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DataScopeTests {

    @Test
    void principalReadsTheSchoolButManagesNothing() {
        DataScope s = new DataScope(false, Set.of(10L), Set.of(), Set.of(), 5L);
        assertThat(s.canReadPerson(99, 10)).isTrue();
        assertThat(s.canReadPerson(99, 11)).isFalse();
        assertThat(s.canManageInstitution(10)).isFalse();
    }

    @Test
    void groupLeaderReadsMembersAndSelfOnly() {
        DataScope s = new DataScope(false, Set.of(), Set.of(), Set.of(7L, 8L), 5L);
        assertThat(s.canReadPerson(7, 10)).isTrue();
        assertThat(s.canReadPerson(5, 10)).isTrue();
        assertThat(s.canReadPerson(9, 10)).isFalse();
    }

    @Test
    void emptyListsBindAsAnIdThatMatchesNothing() {
        DataScope s = new DataScope(false, Set.of(), Set.of(), Set.of(), null);
        assertThat(s.institutionIds()).containsExactly(DataScope.NONE);
        assertThat(s.personIds()).containsExactly(DataScope.NONE);
    }
}
