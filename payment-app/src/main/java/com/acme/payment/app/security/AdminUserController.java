package com.acme.payment.app.security;

import com.acme.payment.app.web.ProblemDetailsAdvice;
import com.acme.payment.app.web.ProblemType;
import com.acme.payment.app.web.dto.AdminUserResponse;
import com.acme.payment.app.web.dto.CreateAdminUserRequest;
import com.acme.payment.app.web.dto.FieldErrorResponse;
import com.acme.payment.app.web.dto.UpdateAdminUserRequest;
import com.acme.payment.domain.model.AdminRole;
import com.acme.payment.domain.model.AdminUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users of the console and the admin API. Listing and creating need the admin role (SecurityConfiguration); a
 * change needs it too, except a user's change of their own password.
 */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "console")
public class AdminUserController {

    private final AdminAccounts accounts;

    public AdminUserController(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "listUsers", summary = "Every user, oldest first (admin)")
    @GetMapping
    public List<AdminUserResponse> list() {
        return accounts.list().stream().map(AdminUserController::toResponse).toList();
    }

    @Operation(operationId = "createUser", summary = "Create a user with an initial password (admin)")
    @PostMapping
    public ResponseEntity<Object> create(@Valid @RequestBody CreateAdminUserRequest request) {
        if (!accounts.create(request.username(), request.password(), AdminRole.fromApiName(request.role()))) {
            return respond(ProblemDetailsAdvice.problem(ProblemType.USER_EXISTS,
                    "A user named " + request.username() + " exists already."));
        }
        AdminUser created = accounts.find(request.username()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(toResponse(created));
    }

    /** An admin changes role, enabled or password of anyone; anyone changes their own password, proving the old one. */
    @Operation(operationId = "updateUser", summary = "Change a user's role, enabled or password; or your own password")
    @PatchMapping("/{username}")
    public ResponseEntity<Object> update(@PathVariable String username,
                                         @Valid @RequestBody UpdateAdminUserRequest request, Principal signedIn,
                                         HttpServletRequest http) {
        boolean admin = AdminSessionController.toSession((Authentication) signedIn).role()
                .equals(AdminRole.ADMIN.apiName());
        boolean own = signedIn.getName().equalsIgnoreCase(username);
        if (!admin && !own) {
            return respond(ProblemDetailsAdvice.problem(ProblemType.FORBIDDEN, "Only an admin changes other users."));
        }
        AdminUser user = accounts.find(username).orElse(null);
        if (user == null) {
            return respond(ProblemDetailsAdvice.problem(ProblemType.NOT_FOUND, "No such user."));
        }
        boolean changesAccount = request.role() != null || request.enabled() != null;
        if (!admin && changesAccount) {
            return respond(ProblemDetailsAdvice.problem(ProblemType.FORBIDDEN,
                    "Only an admin changes roles and disables users; you may change your password."));
        }
        if (own && changesAccount) {
            // An admin who demotes or disables themselves may leave no admin at all.
            throw new AdminAccounts.InvalidAccountField(request.role() != null ? "role" : "enabled",
                    "cannot be changed on your own account");
        }
        if (request.password() == null && !changesAccount) {
            throw new AdminAccounts.InvalidAccountField("password", "is required when nothing else changes");
        }
        AdminUser changed;
        if (own && (!admin || request.currentPassword() != null)) {
            HttpSession session = http.getSession(false);
            changed = accounts.changeOwnPassword(user, request.currentPassword(), request.password(),
                    session == null ? null : session.getId());
        } else {
            changed = accounts.change(user, request.role() == null ? null : AdminRole.fromApiName(request.role()),
                    request.enabled(), request.password());
        }
        return ResponseEntity.ok(toResponse(changed));
    }

    @ExceptionHandler(AdminAccounts.InvalidAccountField.class)
    ResponseEntity<Object> invalidField(AdminAccounts.InvalidAccountField e) {
        return respond(ProblemDetailsAdvice.invalidFields(List.of(new FieldErrorResponse(e.field(), e.getMessage()))));
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.valueOf(problem.getStatus())).body(problem);
    }

    private static AdminUserResponse toResponse(AdminUser user) {
        return new AdminUserResponse(user.username(), user.role().apiName(), user.enabled(), user.createdAt());
    }
}
