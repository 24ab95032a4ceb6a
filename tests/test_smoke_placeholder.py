def test_import():
    import composer
    assert composer.__version__
