package com.lightningpos.hub.users;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AdminApi
@RequestMapping("/api/admin/users")
@Tag(name = "Console users")
class UsersController {

    private final UserAdminService users;

    UsersController(UserAdminService users) {
        this.users = users;
    }

    record CreateUserRequest(String username, String password, String role) {
    }

    @GetMapping
    List<ConsoleUser> list() {
        return users.list();
    }

    @PostMapping
    @Operation(summary = "Create a console user with role HEAD_OFFICE or SUPPORT")
    ResponseEntity<ConsoleUser> create(@RequestBody CreateUserRequest request) {
        ConsoleUser user = users.create(request.username(), request.password(), request.role());
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.username())).body(user);
    }
}
