package dev.gameday.azure.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.azure.support.RoleFile;
import dev.gameday.core.model.FaultAction;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped role is exactly what the code needs: no more, no less. */
class RoleFileTest {

  @Test
  void theRoleFileListsExactlyTheActionsTheCodeNeedsSorted() {
    assertThat(RoleFile.actions()).containsExactlyElementsOf(RequiredActions.role());
  }

  @Test
  void everyFaultKindNeedsOnlyActionsOfTheRoleExceptTheOptionalNsgWrite() {
    Set<String> role = new HashSet<>(RoleFile.actions());
    for (FaultAction kind : RequiredActions.everyKind()) {
      assertThat(role).as(kind.kind()).containsAll(RequiredActions.of(kind))
          .containsAll(RequiredActions.recommended(kind));
    }
    assertThat(role).doesNotContain("Microsoft.Network/networkSecurityGroups/write")
        .contains(RequiredActions.PERMISSIONS_READ, RequiredActions.RESOURCE_HEALTH);
  }
}
