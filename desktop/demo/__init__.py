"""A generated demo ward: realistic but invented households, people, visits, activities and cases."""

from desktop.demo.generator import DemoSize, generate_demo_ward

__all__ = ["DemoSize", "generate_demo_ward"]
