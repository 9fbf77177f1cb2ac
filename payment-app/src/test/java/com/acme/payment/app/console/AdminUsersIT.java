package com.acme.payment.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AdminUsersIT extends AbstractConsoleIT {

    @Test
    void the_admin_lists_the_users_with_their_roles_and_the_configured_admin_among_them() {
        String viewer = createUser("viewer");

        HttpResponse<String> users = adminGet("/api/admin/users");

        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(body(users).valueStream().map(user -> user.get("username").asString() + ":"
                + user.get("role").asString() + ":" + user.get("enabled").asBoolean()))
                .contains("admin:admin:true", viewer + ":viewer:true");
    }

    @Test
    void a_user_name_is_taken_whatever_its_case_and_a_short_password_is_refused_naming_the_field() {
        String viewer = createUser("viewer");

        HttpResponse<String> again = create(viewer.toUpperCase(), PASSWORD, "viewer");
        HttpResponse<String> shortPassword = create("newcomer", "short", "viewer");
        HttpResponse<String> badRole = create("newcomer", PASSWORD, "root");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).get("type").asString()).isEqualTo("urn:payment:problem:user-exists");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(body(shortPassword).get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(body(badRole).get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void a_user_changes_their_own_password_with_the_current_one(CapturedOutput output) {
        String viewer = createUser("viewer");
        String newPassword = "another long passphrase";

        HttpResponse<String> wrongCurrent = patch(viewer, basic(viewer, PASSWORD),
                "{\"currentPassword\":\"not my password\",\"password\":\"" + newPassword + "\"}");
        HttpResponse<String> changed = patch(viewer, basic(viewer, PASSWORD),
                "{\"currentPassword\":\"" + PASSWORD + "\",\"password\":\"" + newPassword + "\"}");

        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(body(wrongCurrent).get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(signIn(uri("/"), viewer, newPassword).statusCode()).isEqualTo(200);
        assertThat(signIn(uri("/"), viewer, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain(newPassword).doesNotContain(PASSWORD);
    }

    @Test
    void only_an_admin_changes_roles_or_other_users_and_nobody_their_own_role() {
        String viewer = createUser("viewer");
        String other = createUser("viewer");

        HttpResponse<String> ownRole = patch(viewer, basic(viewer, PASSWORD), "{\"role\":\"admin\"}");
        HttpResponse<String> othersPassword = patch(other, basic(viewer, PASSWORD),
                "{\"password\":\"a takeover passphrase\"}");
        HttpResponse<String> adminDemotesSelf = patch("admin", adminAuthorization(), "{\"role\":\"viewer\"}");
        HttpResponse<String> promoted = patch(other, adminAuthorization(), "{\"role\":\"operator\"}");

        assertThat(ownRole.statusCode()).isEqualTo(403);
        assertThat(othersPassword.statusCode()).isEqualTo(403);
        assertThat(adminDemotesSelf.statusCode()).isEqualTo(400);
        assertThat(body(adminDemotesSelf).get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(body(promoted).get("role").asString()).isEqualTo("operator");
        assertThat(patch("nobody-here", adminAuthorization(), "{\"enabled\":false}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> create(String username, String password, String role) {
        return postJson("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"" + role + "\"}", Map.of("Authorization", adminAuthorization()));
    }

    private HttpResponse<String> patch(String username, String authorization, String body) {
        return send(HttpRequest.newBuilder(uri("/api/admin/users/" + username)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
