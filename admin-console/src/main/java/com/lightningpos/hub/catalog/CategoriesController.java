package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AdminApi
@RequestMapping("/api/admin/categories")
@Tag(name = "Catalog categories")
class CategoriesController {

    private final CategoryService categories;

    CategoriesController(CategoryService categories) {
        this.categories = categories;
    }

    @GetMapping
    List<CategoryRow> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return categories.list(includeDeleted);
    }

    @PostMapping
    ResponseEntity<Map<String, UUID>> create(@RequestBody CategoryService.Draft draft) {
        UUID id = categories.create(draft);
        return ResponseEntity.created(URI.create("/api/admin/categories/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable UUID id, @RequestBody CategoryService.Draft draft) {
        categories.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        categories.delete(id);
    }
}
