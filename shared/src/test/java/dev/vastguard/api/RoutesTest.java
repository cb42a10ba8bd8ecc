package dev.vastguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void match_rawPathWithId_findsTemplateAndParameters() {

        Routes.Match match = Routes.match("post", "/instances/42/stop").orElseThrow();

        assertThat(match.route().resource()).isEqualTo("/instances/{id}/stop");
        assertThat(match.route().function()).isEqualTo(Routes.Function.TEAM_API);
        assertThat(match.pathParameters()).isEqualTo(Map.of("id", "42"));
    }

    @Test
    void match_adminPath_namesAdminFunction() {

        Routes.Match match = Routes.match("PUT", "/teams/ml-research").orElseThrow();

        assertThat(match.route().function()).isEqualTo(Routes.Function.ADMIN_API);
        assertThat(match.pathParameters()).containsEntry("team", "ml-research");
    }

    @Test
    void match_unknownMethodOrPath_isEmpty() {

        assertThat(Routes.match("PATCH", "/instances/42")).isEmpty();
        assertThat(Routes.match("GET", "/instances/42/logs")).isEmpty();
        assertThat(Routes.match("GET", "/instances//")).isEmpty();
        assertThat(Routes.match("GET", "/")).isEmpty();
    }

    @Test
    void all_listsSixteenRoutes() {

        assertThat(Routes.all()).hasSize(16);
        assertThat(Routes.all()).extracting(Routes.Route::key).doesNotHaveDuplicates();
    }
}
